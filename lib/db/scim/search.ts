import type { TenantSql } from '../tenant-sql';
import { MANAGER_JOIN, type ScimGroupRow, type ScimUserRow } from './rows';

// SCIM list queries (RFC 7644 §3.4.2). The condition comes from
// lib/scim/filter/compile-filter.ts, which builds its text from a fixed
// attribute map over the row alias r and binds every client value; the tenant
// pin is added here, outside the compiled condition, so no filter can widen it.

/** The compiled filter: SQL over alias r whose placeholders start at $2 ($1 is the tenant). */
export interface ScimWhere {
  sql: string;
  params: unknown[];
}

interface Found<R> {
  rows: R[];
  total: number;
}

const SOURCES = {
  User: { table: '"User"', select: (page: string) => `SELECT r.*, ${MANAGER_JOIN('r')} FROM ${page} r` },
  Group: { table: '"Group"', select: (page: string) => `SELECT r.* FROM ${page} r` },
} as const;

async function search<R>(
  sql: TenantSql,
  resource: keyof typeof SOURCES,
  where: ScimWhere | null,
  sort: { sql: string } | null,
  startIndex: number,
  count: number,
): Promise<Found<R>> {
  const { table, select } = SOURCES[resource];
  const params = where?.params ?? [];
  const from = `FROM ${table} r WHERE r."tenantId" = $1${where ? ` AND (${where.sql})` : ''}`;
  // RFC 7644 §3.4.2.4: a startIndex below 1 means 1, a negative count means 0.
  const offset = Math.max(1, Math.trunc(startIndex) || 1) - 1;
  const limit = Math.max(0, Math.trunc(count) || 0);
  const countAll = async () => (await sql.rows<{ total: number }>(`SELECT count(*)::int AS total ${from}`, params))[0].total;
  if (limit === 0) return { rows: [], total: await countAll() };
  const n = params.length + 1;
  // r."id" last, so that equal sort keys still page deterministically.
  const order = sort ? `${sort.sql}, r."id"` : 'r."createdAt", r."id"';
  // One statement, one snapshot: the page and, beside each row, the count of all
  // matches, so that totalResults agrees with the page. Related rows (the
  // manager) are joined to the page only, never to every match.
  const page = `(SELECT r.*, count(*) OVER ()::int AS "totalResults" ${from} ORDER BY ${order} OFFSET $${n + 1}::bigint LIMIT $${n + 2}::bigint)`;
  const rows = await sql.rows<R & { totalResults?: number }>(`${select(page)} ORDER BY ${order}`, [...params, String(offset), String(limit)]);
  // A page past the end has no row to carry the total.
  const total = rows.length > 0 ? rows[0].totalResults! : offset === 0 ? 0 : await countAll();
  for (const row of rows) delete row.totalResults;
  return { rows, total };
}

export function searchScimUsers(sql: TenantSql, where: ScimWhere | null, sort: { sql: string } | null, startIndex: number, count: number) {
  return search<ScimUserRow>(sql, 'User', where, sort, startIndex, count);
}

export function searchScimGroups(sql: TenantSql, where: ScimWhere | null, sort: { sql: string } | null, startIndex: number, count: number) {
  return search<ScimGroupRow>(sql, 'Group', where, sort, startIndex, count);
}
