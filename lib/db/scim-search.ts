import { rootClient } from './client';

// SCIM list queries (RFC 7644 §3.4.2): the one place that runs raw SQL, because
// a SCIM filter (any attribute, and/or/not, JSONB value paths) has no Prisma
// equivalent. The condition comes from lib/scim/filter/compile-filter.ts, which
// builds its text from a fixed attribute map and binds every client value; the
// tenant pin is added here, outside the compiled condition, so no filter can
// widen it.

/** The compiled filter: SQL over alias r whose placeholders start at $2 ($1 is the tenant). */
export interface ScimWhere {
  sql: string;
  params: unknown[];
}

const TABLES = { User: '"User"', Group: '"Group"' } as const;

export async function searchScimResources(
  tenantId: string,
  resource: 'User' | 'Group',
  where: ScimWhere | null,
  sort: { sql: string } | null,
  startIndex: number,
  count: number,
): Promise<{ ids: string[]; total: number }> {
  const params: unknown[] = [tenantId, ...(where?.params ?? [])];
  const from = `FROM ${TABLES[resource]} r WHERE r."tenantId" = $1::uuid${where ? ` AND (${where.sql})` : ''}`;
  const db = rootClient();
  // RFC 7644 §3.4.2.4: a startIndex below 1 means 1, a negative count means 0.
  const offset = Math.max(1, Math.trunc(startIndex) || 1) - 1;
  const limit = Math.max(0, Math.trunc(count) || 0);
  const countAll = () => db.$queryRawUnsafe<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, ...params);
  if (limit === 0) return { ids: [], total: (await countAll())[0].total };
  const n = params.length;
  // r."id" last, so that equal sort keys still page deterministically.
  const order = sort ? `${sort.sql}, r."id"` : 'r."createdAt", r."id"';
  // One statement, one snapshot: the page and, beside each row, the count of all
  // matches, so that totalResults agrees with the page. Entra's lookups are one
  // round trip this way.
  const rows = await db.$queryRawUnsafe<{ id: string; total: number }[]>(
    `SELECT r."id"::text AS id, count(*) OVER ()::int AS total ${from} ORDER BY ${order} OFFSET $${n + 1}::bigint LIMIT $${n + 2}::bigint`,
    ...params,
    String(offset),
    String(limit),
  );
  // A page past the end has no row to carry the total.
  const total = rows.length > 0 ? rows[0].total : offset === 0 ? 0 : (await countAll())[0].total;
  return { ids: rows.map((row) => row.id), total };
}
