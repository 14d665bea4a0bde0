import { rootClient } from './client';

// Prisma's createMany costs about a millisecond per row on the client side, so
// 100,000 seeded people would take minutes. One INSERT ... SELECT FROM unnest()
// per batch sends each column as a single array parameter instead. Raw SQL is
// allowed only here in lib/db, and the tenant id is bound once for the batch.

export interface BulkUserRow {
  id: string;
  userName: string;
  externalId: string | null;
  active: boolean;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  nameFormatted: string | null;
  title: string | null;
  preferredLanguage: string | null;
  timezone: string | null;
  emails: unknown[];
  phoneNumbers: unknown[];
  addresses: unknown[];
  workEmail: string | null;
  employeeNumber: string | null;
  department: string | null;
  costCenter: string | null;
  managerId: string | null;
}

const TEXT_COLUMNS = [
  'userName',
  'externalId',
  'displayName',
  'givenName',
  'familyName',
  'nameFormatted',
  'title',
  'preferredLanguage',
  'timezone',
  'workEmail',
  'employeeNumber',
  'department',
  'costCenter',
] as const;
const JSON_COLUMNS = ['emails', 'phoneNumbers', 'addresses'] as const;

const BULK_SQL = (() => {
  const columns = ['id', ...TEXT_COLUMNS, ...JSON_COLUMNS, 'managerId', 'active'];
  const types = ['uuid[]', ...TEXT_COLUMNS.map(() => 'text[]'), ...JSON_COLUMNS.map(() => 'jsonb[]'), 'uuid[]', 'boolean[]'];
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  const unnest = types.map((type, i) => `$${i + 2}::${type}`).join(', ');
  // Seeded people stand for a directory Entra provisioned.
  return `INSERT INTO "User" ("tenantId", ${quoted}, "provisioned", "updatedAt")
    SELECT $1::uuid, ${columns.map((c) => `u."${c}"`).join(', ')}, true, now()
    FROM unnest(${unnest}) AS u(${quoted})`;
})();

/** Inserts rows for one tenant in one statement. A row naming a manager must come after that manager's batch. */
export async function bulkInsertUsers(tenantId: string, rows: readonly BulkUserRow[]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [
    tenantId,
    rows.map((r) => r.id),
    ...TEXT_COLUMNS.map((c) => rows.map((r) => r[c])),
    ...JSON_COLUMNS.map((c) => rows.map((r) => JSON.stringify(r[c]))),
    rows.map((r) => r.managerId),
    rows.map((r) => r.active),
  ];
  await rootClient().$executeRawUnsafe(BULK_SQL, ...params);
}

/**
 * Refreshes the planner's statistics after a bulk load. Without them it plans
 * the manager foreign-key check for a near-empty table (a sequential scan), and
 * each level of a large org chart loads slower than the one before.
 */
export async function refreshUserStatistics(): Promise<void> {
  await rootClient().$executeRawUnsafe('ANALYZE "User"');
}
