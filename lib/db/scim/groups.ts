import type { TenantSql } from '../tenant-sql';
import { auditInsert, auditParam, type AuditRow } from './audit';
import type { ScimGroupRow, ScimMemberRow } from './rows';

// The Group rows behind SCIM, in raw SQL (see tenant-sql.ts). Membership
// changes are set operations, so a PATCH adding or removing thousands of
// members neither loads the group's members nor depends on which are already
// there (idempotent, as Entra needs).

export interface ScimGroupValues {
  displayName: string;
  externalId: string | null;
}

const FIND = `SELECT * FROM "Group" WHERE "tenantId" = $1 AND "id" = $2`;
const FIND_FOR_UPDATE = `${FIND} FOR UPDATE`;

const INSERT = `
  WITH g AS (
    INSERT INTO "Group" ("id", "tenantId", "displayName", "externalId", "updatedAt") VALUES ($2, $1, $3, $4, now()) RETURNING *
  ), log AS (${auditInsert(5)})
  SELECT * FROM g`;

const UPDATE = `
  WITH g AS (
    UPDATE "Group" SET "displayName" = $3, "externalId" = $4, "version" = "version" + 1, "updatedAt" = now()
    WHERE "tenantId" = $1 AND "id" = $2 RETURNING *
  ), log AS (${auditInsert(5, 'EXISTS (SELECT 1 FROM g)')})
  SELECT * FROM g`;

const DELETE = `
  WITH g AS (DELETE FROM "Group" WHERE "tenantId" = $1 AND "id" = $2 RETURNING "id"),
  log AS (${auditInsert(3, 'EXISTS (SELECT 1 FROM g)')})
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
const REMOVE_MEMBERS = `DELETE FROM "GroupMember" WHERE "tenantId" = $1 AND "groupId" = $2 AND "userId" = ANY($3::uuid[])`;
const KEEP_ONLY_MEMBERS = `DELETE FROM "GroupMember" WHERE "tenantId" = $1 AND "groupId" = $2 AND NOT ("userId" = ANY($3::uuid[]))`;
const REMOVE_ALL_MEMBERS = `DELETE FROM "GroupMember" WHERE "tenantId" = $1 AND "groupId" = $2`;

const MEMBERS = `
  SELECT gm."groupId", gm."userId", json_build_object('displayName', u."displayName", 'userName', u."userName") AS "user"
  FROM "GroupMember" gm JOIN "User" u ON u."tenantId" = $1 AND u."id" = gm."userId"
  WHERE gm."tenantId" = $1 AND gm."groupId" = ANY($2::uuid[])
  ORDER BY gm."addedAt", gm."userId"`;

export async function findScimGroup(sql: TenantSql, id: string, forUpdate = false): Promise<ScimGroupRow | null> {
  const [row] = await sql.rows<ScimGroupRow>(forUpdate ? FIND_FOR_UPDATE : FIND, [id]);
  return row ?? null;
}

export async function insertScimGroup(sql: TenantSql, id: string, values: ScimGroupValues, log: AuditRow): Promise<ScimGroupRow> {
  const [row] = await sql.rows<ScimGroupRow>(INSERT, [id, values.displayName, values.externalId, auditParam([log])]);
  return row;
}

/** Writes the group's own fields and moves its version on; null when it is gone. */
export async function updateScimGroup(sql: TenantSql, id: string, values: ScimGroupValues, log: AuditRow): Promise<ScimGroupRow | null> {
  const [row] = await sql.rows<ScimGroupRow>(UPDATE, [id, values.displayName, values.externalId, auditParam([log])]);
  return row ?? null;
}

/** Deletes the group (its memberships by cascade); false when it was not there. */
export async function deleteScimGroup(sql: TenantSql, id: string, log: AuditRow): Promise<boolean> {
  return (await sql.rows(DELETE, [id, auditParam([log])])).length > 0;
}

/** Adds members (well-formed user ids); answers those that are not users of the tenant, having added the rest. */
export async function addScimMembers(sql: TenantSql, groupId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  return (await sql.rows<{ id: string }>(ADD_MEMBERS, [groupId, userIds])).map((row) => row.id);
}

export async function removeScimMembers(sql: TenantSql, groupId: string, userIds: readonly string[] | 'all'): Promise<void> {
  if (userIds === 'all') await sql.rows(REMOVE_ALL_MEMBERS, [groupId]);
  else if (userIds.length > 0) await sql.rows(REMOVE_MEMBERS, [groupId, userIds]);
}

/** Removes every member not in `userIds`. */
export async function keepOnlyScimMembers(sql: TenantSql, groupId: string, userIds: readonly string[]): Promise<void> {
  await sql.rows(KEEP_ONLY_MEMBERS, [groupId, userIds]);
}

export async function listScimMembers(sql: TenantSql, groupIds: readonly string[]): Promise<ScimMemberRow[]> {
  return groupIds.length === 0 ? [] : sql.rows<ScimMemberRow>(MEMBERS, [groupIds]);
}
