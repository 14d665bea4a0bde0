import type { TenantSql } from '../tenant-sql';
import { isUuid } from '../tenant-db';
import { provisioningLogInsert, provisioningLogParam, type ProvisioningLogRow } from './provisioning-log';
import { MANAGER_JOIN, type ScimUserRow } from './rows';
import { columnsOf, SCIM_USER_TABLE, type ScimUserValues } from './tables';

// The User rows behind SCIM, in raw SQL (see tenant-sql.ts for why and for the
// tenant pin). Each write is one statement that changes the row and appends
// its provisioning-log entry (and, for a deactivation, ends the person's
// sessions), so they commit together without a transaction's round trips.

/** The columns a SCIM request writes as given, in statement order (tables.ts); everything else on User belongs to the app. */
const SCIM_USER_COLUMNS = columnsOf(SCIM_USER_TABLE);

const JSON_COLUMNS = new Set(SCIM_USER_COLUMNS.filter((c) => SCIM_USER_TABLE[c] === 'jsonb'));
/** The placeholder of column `i` when column values start at $`from`. */
const placeholder = (column: (typeof SCIM_USER_COLUMNS)[number], i: number, from: number) => `$${from + i}${JSON_COLUMNS.has(column) ? '::jsonb' : ''}`;
/** The columns' values, then the manager as sent, then as a uuid to look up (null when it cannot be one). */
const values = (columns: ScimUserValues) => [
  ...SCIM_USER_COLUMNS.map((c) => (JSON_COLUMNS.has(c) ? JSON.stringify(columns[c]) : columns[c])),
  columns.managerId,
  columns.managerId !== null && isUuid(columns.managerId) ? columns.managerId : null,
];
const N = SCIM_USER_COLUMNS.length;

/** The manager, sent at $`sent` and as a uuid at $`sent + 1`, looked up among the tenant's other users. */
const MANAGER = (sent: number) =>
  `manager AS (SELECT (SELECT m."id" FROM "User" m WHERE m."tenantId" = $1 AND m."id" = $${sent + 1}::uuid AND m."id" <> $2) AS "id", $${sent}::text AS "sent")`;
const LINKED = 'manager."id"';
const UNRESOLVED = 'CASE WHEN manager."id" IS NULL THEN manager."sent" END';

const FIND = `SELECT u.*, ${MANAGER_JOIN('u')} FROM "User" u WHERE u."tenantId" = $1 AND u."id" = $2`;
const FIND_FOR_UPDATE = `${FIND} FOR UPDATE OF u`;

// $2 the new id, $3… the columns, the manager, then the log entry.
const INSERT = `
  WITH ${MANAGER(N + 3)}, u AS (
    INSERT INTO "User" ("id", "tenantId", ${SCIM_USER_COLUMNS.map((c) => `"${c}"`).join(', ')}, "managerId", "unresolvedManagerId", "provisioned", "updatedAt")
    SELECT $2, $1, ${SCIM_USER_COLUMNS.map((c, i) => placeholder(c, i, 3)).join(', ')}, ${LINKED}, ${UNRESOLVED}, true, now() FROM manager
    RETURNING *
  ), log AS (${provisioningLogInsert(N + 5)})
  SELECT u.*, ${MANAGER_JOIN('u')} FROM u`;

// $2 the id, $3 the version read, $4… the columns, the manager, then the log entry.
const UPDATE = `
  WITH ${MANAGER(N + 4)}, u AS (
    UPDATE "User" SET ${SCIM_USER_COLUMNS.map((c, i) => `"${c}" = ${placeholder(c, i, 4)}`).join(', ')},
      "managerId" = ${LINKED}, "unresolvedManagerId" = ${UNRESOLVED}, "version" = "version" + 1, "updatedAt" = now()
    FROM manager
    WHERE "tenantId" = $1 AND "User"."id" = $2 AND "version" = $3
    RETURNING "User".*
  ), log AS (${provisioningLogInsert(N + 6, 'EXISTS (SELECT 1 FROM u)')}),
  -- A deactivated person is signed out everywhere at once.
  signed_out AS (DELETE FROM "Session" s USING u WHERE s."tenantId" = $1 AND s."userId" = u."id" AND NOT u."active")
  SELECT u.*, ${MANAGER_JOIN('u')} FROM u`;

// The composite keys are NO ACTION: every reference to the person goes first.
// Reports lose their manager (a change to them, so their version moves too);
// pages, revisions, service accounts and others' notifications are kept without the person.
const CLEAR_REFERENCES = [
  `UPDATE "User" SET "managerId" = NULL, "version" = "version" + 1, "updatedAt" = now() WHERE "tenantId" = $1 AND "managerId" = $2`,
  `UPDATE "WikiPage" SET "ownerId" = NULL WHERE "tenantId" = $1 AND "ownerId" = $2`,
  `UPDATE "PageRevision" SET "authorId" = NULL WHERE "tenantId" = $1 AND "authorId" = $2`,
  `UPDATE "ServiceAccount" SET "createdById" = NULL WHERE "tenantId" = $1 AND "createdById" = $2`,
  `UPDATE "ApiToken" SET "createdById" = NULL WHERE "tenantId" = $1 AND "createdById" = $2`,
  `UPDATE "Notification" SET "actorId" = NULL WHERE "tenantId" = $1 AND "actorId" = $2`,
  `UPDATE "PageComment" SET "authorId" = NULL WHERE "tenantId" = $1 AND "authorId" = $2`,
];
// Group memberships go by cascade.
const DELETE = `WITH u AS (DELETE FROM "User" WHERE "tenantId" = $1 AND "id" = $2 RETURNING "id"), log AS (${provisioningLogInsert(3, 'EXISTS (SELECT 1 FROM u)')}) SELECT "id" FROM u`;

export async function findScimUser(sql: TenantSql, id: string, forUpdate = false): Promise<ScimUserRow | null> {
  const [row] = await sql.rows<ScimUserRow>(forUpdate ? FIND_FOR_UPDATE : FIND, [id]);
  return row ?? null;
}

export async function insertScimUser(sql: TenantSql, id: string, columns: ScimUserValues, log: ProvisioningLogRow): Promise<ScimUserRow> {
  const [row] = await sql.rows<ScimUserRow>(INSERT, [id, ...values(columns), provisioningLogParam([log])]);
  return row;
}

/** The updated row, or null when the row is gone or no longer at `version` (another request changed it). */
export async function updateScimUser(
  sql: TenantSql,
  id: string,
  version: number,
  columns: ScimUserValues,
  log: ProvisioningLogRow,
): Promise<ScimUserRow | null> {
  const [row] = await sql.rows<ScimUserRow>(UPDATE, [id, version, ...values(columns), provisioningLogParam([log])]);
  return row ?? null;
}

/** Deletes the user and every reference to them; call inside a transaction. */
export async function deleteScimUser(sql: TenantSql, id: string, log: ProvisioningLogRow): Promise<void> {
  for (const statement of CLEAR_REFERENCES) await sql.rows(statement, [id]);
  await sql.rows(DELETE, [id, provisioningLogParam([log])]);
}
