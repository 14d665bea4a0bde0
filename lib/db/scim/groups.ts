import type { TenantSql } from '../tenant-sql';
import { provisioningLogInsert, provisioningLogParam, type ProvisioningLogRow } from './provisioning-log';
import type { ScimGroupRow, ScimMemberRow } from './rows';
import { columnsOf, SCIM_GROUP_TABLE, type ScimGroupValues } from './tables';

// The Group rows behind SCIM, in raw SQL (see tenant-sql.ts). Membership
// changes are set operations, so a PATCH adding or removing thousands of
// members neither loads the group's members nor depends on which are already
// there (idempotent, as Entra needs).

/** The group's own columns, in statement order (tables.ts). */
const COLUMNS = columnsOf(SCIM_GROUP_TABLE);
const N = COLUMNS.length;
const quoted = COLUMNS.map((c) => `"${c}"`);

const FIND = `SELECT * FROM "Group" WHERE "tenantId" = $1 AND "id" = $2`;
const FIND_FOR_UPDATE = `${FIND} FOR UPDATE`;

// $2 the new id, $3… the columns, then the log entry.
const INSERT = `
  WITH g AS (
    INSERT INTO "Group" ("id", "tenantId", ${quoted.join(', ')}, "updatedAt") VALUES ($2, $1, ${COLUMNS.map((_, i) => `$${3 + i}`).join(', ')}, now()) RETURNING *
  ), log AS (${provisioningLogInsert(3 + N)})
  SELECT * FROM g`;

// One statement for any change to a group: its fields (CASE: $4 says whether
// to write them; $5… their values), members to keep or add ($3: checked
// against the tenant's users; if any is unknown nothing at all is written),
// members to remove (REMOVE_OTHERS: everyone not in $3, for a replace or a
// bare remove; REMOVE: these ids), the version (checked against VERSION when
// given) and the log entry (LOG). Statements see one snapshot, so the delete
// spares the ids being added.
const [VERSION, REMOVE_OTHERS, REMOVE, LOG] = [5 + N, 6 + N, 7 + N, 8 + N];
const CHANGE = `
  WITH wanted AS (SELECT DISTINCT w AS "id" FROM unnest($3::uuid[]) AS w),
  known AS (SELECT u."id" FROM "User" u JOIN wanted ON wanted."id" = u."id" WHERE u."tenantId" = $1),
  unknown AS (SELECT "id" FROM wanted EXCEPT SELECT "id" FROM known),
  g AS (
    UPDATE "Group" SET
      ${quoted.map((c, i) => `${c} = CASE WHEN $4::boolean THEN $${5 + i} ELSE ${c} END,`).join('\n      ')}
      "version" = "version" + 1, "updatedAt" = now()
    WHERE "tenantId" = $1 AND "id" = $2 AND ($${VERSION}::int IS NULL OR "version" = $${VERSION}) AND NOT EXISTS (SELECT 1 FROM unknown)
    RETURNING *
  ),
  removed AS (
    DELETE FROM "GroupMember" gm USING g
    WHERE gm."tenantId" = $1 AND gm."groupId" = g."id" AND NOT (gm."userId" = ANY($3::uuid[]))
      AND ($${REMOVE_OTHERS}::boolean OR gm."userId" = ANY($${REMOVE}::uuid[]))
  ),
  added AS (
    INSERT INTO "GroupMember" ("tenantId", "groupId", "userId") SELECT $1, g."id", known."id" FROM g, known
    ON CONFLICT DO NOTHING
  ),
  log AS (${provisioningLogInsert(LOG, 'EXISTS (SELECT 1 FROM g)')})
  SELECT g.*, ARRAY(SELECT "id"::text FROM unknown) AS "unknownMembers",
    EXISTS (SELECT 1 FROM "Group" WHERE "tenantId" = $1 AND "id" = $2) AS "groupExists"
  FROM (SELECT 1) AS one LEFT JOIN g ON true`;

const DELETE = `
  WITH g AS (DELETE FROM "Group" WHERE "tenantId" = $1 AND "id" = $2 RETURNING "id"),
  log AS (${provisioningLogInsert(3, 'EXISTS (SELECT 1 FROM g)')})
  SELECT "id" FROM g`;

// Adds the users among $3 to group $2 and answers the ids that are not users of the tenant.
const ADD_MEMBERS = `
  WITH wanted AS (SELECT DISTINCT w AS "id" FROM unnest($3::uuid[]) AS w),
  known AS (SELECT u."id" FROM "User" u JOIN wanted ON wanted."id" = u."id" WHERE u."tenantId" = $1),
  added AS (
    INSERT INTO "GroupMember" ("tenantId", "groupId", "userId") SELECT $1, $2, known."id" FROM known
    ON CONFLICT DO NOTHING
  )
  SELECT wanted."id" FROM wanted WHERE NOT EXISTS (SELECT 1 FROM known WHERE known."id" = wanted."id")`;

const MEMBERS = `
  SELECT gm."groupId", gm."userId", json_build_object('displayName', u."displayName", 'nameFormatted', u."nameFormatted",
    'givenName', u."givenName", 'familyName', u."familyName", 'userName', u."userName") AS "user"
  FROM "GroupMember" gm JOIN "User" u ON u."tenantId" = $1 AND u."id" = gm."userId"
  WHERE gm."tenantId" = $1 AND gm."groupId" = ANY($2::uuid[])
  ORDER BY gm."addedAt", gm."userId"`;

export async function findScimGroup(sql: TenantSql, id: string, forUpdate = false): Promise<ScimGroupRow | null> {
  const [row] = await sql.rows<ScimGroupRow>(forUpdate ? FIND_FOR_UPDATE : FIND, [id]);
  return row ?? null;
}

export async function insertScimGroup(sql: TenantSql, id: string, values: ScimGroupValues, log: ProvisioningLogRow): Promise<ScimGroupRow> {
  const [row] = await sql.rows<ScimGroupRow>(INSERT, [id, ...COLUMNS.map((c) => values[c]), provisioningLogParam([log])]);
  return row;
}

export interface ScimGroupChange {
  /** The group's new fields; null leaves them. */
  fields: ScimGroupValues | null;
  /** Only if the group is still at this version; null: whatever it is. */
  expectedVersion: number | null;
  /** Members to have after the change (well-formed user ids). */
  keep: readonly string[];
  /** Remove every member not in `keep` (a replace, or a bare remove). */
  removeOthers: boolean;
  remove: readonly string[];
}

export interface ScimGroupChangeResult {
  /** The updated group; null when nothing was written. */
  group: ScimGroupRow | null;
  groupExists: boolean;
  /** Ids in `keep` that are not users of the tenant (then nothing was written). */
  unknownMembers: string[];
}

/** Applies a change in one statement; see ScimGroupChangeResult for why nothing may have been written. */
export async function changeScimGroup(sql: TenantSql, id: string, change: ScimGroupChange, log: ProvisioningLogRow): Promise<ScimGroupChangeResult> {
  const [row] = await sql.rows<ScimGroupRow & { unknownMembers: string[]; groupExists: boolean }>(CHANGE, [
    id,
    change.keep,
    change.fields !== null,
    ...COLUMNS.map((c) => change.fields?.[c] ?? null),
    change.expectedVersion,
    change.removeOthers,
    change.remove,
    provisioningLogParam([log]),
  ]);
  const { unknownMembers, groupExists, ...group } = row;
  return { group: group.id ? group : null, groupExists, unknownMembers };
}

/** Deletes the group (its memberships by cascade); false when it was not there. */
export async function deleteScimGroup(sql: TenantSql, id: string, log: ProvisioningLogRow): Promise<boolean> {
  return (await sql.rows(DELETE, [id, provisioningLogParam([log])])).length > 0;
}

/** Adds members (well-formed user ids); answers those that are not users of the tenant, having added the rest. */
export async function addScimMembers(sql: TenantSql, groupId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  return (await sql.rows<{ id: string }>(ADD_MEMBERS, [groupId, userIds])).map((row) => row.id);
}

export async function listScimMembers(sql: TenantSql, groupIds: readonly string[]): Promise<ScimMemberRow[]> {
  return groupIds.length === 0 ? [] : sql.rows<ScimMemberRow>(MEMBERS, [groupIds]);
}
