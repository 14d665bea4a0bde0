import type { TenantSql } from '../tenant-sql';

// The org chart's statements (raw SQL pinned to the tenant through tenantSql).
// Only active people are on the chart: a person whose manager is inactive
// hangs from nothing, so they are a root. The composite foreign key keeps
// managerId pointing at a real row of the tenant, so "missing" means null.

export interface OrgPersonRow {
  id: string;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  userName: string;
  title: string | null;
  department: string | null;
  photoKey: string | null;
  directReports: number;
  /** SCIM named a manager who is not a user of the tenant (yet): the chart says so where the manager would be. */
  managerNotInDirectory: boolean;
}

export interface OrgEdgeRow {
  id: string;
  managerId: string | null;
}

const COLUMNS = (alias: string) => `${alias}."id", ${alias}."displayName", ${alias}."givenName", ${alias}."familyName", ${alias}."userName",
  ${alias}."title", ${alias}."department", ${alias}."photoKey", ${alias}."unresolvedManagerId" IS NOT NULL AS "managerNotInDirectory",
  (SELECT count(*) FROM "User" r WHERE r."tenantId" = $1 AND r."managerId" = ${alias}."id" AND r."active" AND r."id" <> ${alias}."id")::int AS "directReports"`;

/** The name personName() shows, for sorting in SQL (so that a long list can be cut after sorting). */
const SORT_NAME = (alias: string) =>
  `lower(coalesce(${alias}."displayName", nullif(concat_ws(' ', ${alias}."givenName", ${alias}."familyName"), ''), ${alias}."userName")), ${alias}."id"`;

const PERSON = `SELECT ${COLUMNS('u')} FROM "User" u WHERE u."tenantId" = $1 AND u."id" = $2 AND u."active"`;

// $2 the managers, $3 how many reports of each to return at most. One statement
// for a whole path of managers: opening the chart deep down is one round trip.
const REPORTS = `SELECT ${COLUMNS('x')}, x."managerId" FROM (
    SELECT u."id", u."displayName", u."givenName", u."familyName", u."userName", u."title", u."department", u."photoKey", u."managerId", u."unresolvedManagerId",
      row_number() OVER (PARTITION BY u."managerId" ORDER BY ${SORT_NAME('u')}) AS "place"
    FROM "User" u WHERE u."tenantId" = $1 AND u."managerId" = ANY($2::uuid[]) AND u."active" AND u."id" <> u."managerId"
  ) x
  WHERE x."place" <= $3 ORDER BY x."managerId", x."place"`;

// Without a manager, or with an inactive one: two index scans rather than one
// OR, which PostgreSQL can only answer by reading the whole table. The first
// goes through (tenantId, managerId); the second finds the few inactive people
// through (tenantId, active, …), then their reports through (tenantId, managerId).
const ROOT_IDS = `WITH roots AS (
    SELECT u."id" FROM "User" u WHERE u."tenantId" = $1 AND u."managerId" IS NULL AND u."active"
    UNION ALL
    SELECT u."id" FROM "User" m JOIN "User" u ON u."tenantId" = $1 AND u."managerId" = m."id" AND u."active"
    WHERE m."tenantId" = $1 AND NOT m."active"
  )`;

// "total" counts every root, before the limit.
const ROOTS = `${ROOT_IDS}
  SELECT ${COLUMNS('u')}, count(*) OVER ()::int AS "total" FROM roots JOIN "User" u ON u."tenantId" = $1 AND u."id" = roots."id"
  ORDER BY ${SORT_NAME('u')} LIMIT $2`;

// From the person ($2) up through active managers, never visiting anyone twice
// (SCIM data can loop), at most $3 steps. Rows come top first.
const CHAIN = `WITH RECURSIVE chain AS (
    SELECT u."id", u."managerId", 0 AS "depth", ARRAY[u."id"] AS "seen"
    FROM "User" u WHERE u."tenantId" = $1 AND u."id" = $2 AND u."active"
    UNION ALL
    SELECT m."id", m."managerId", c."depth" + 1, c."seen" || m."id"
    FROM chain c JOIN "User" m ON m."tenantId" = $1 AND m."id" = c."managerId" AND m."active"
    WHERE NOT m."id" = ANY(c."seen") AND c."depth" < $3
  )
  SELECT ${COLUMNS('u')} FROM chain c JOIN "User" u ON u."tenantId" = $1 AND u."id" = c."id" ORDER BY c."depth" DESC`;

const ACTIVE_EDGES = `SELECT "id", "managerId" FROM "User" WHERE "tenantId" = $1 AND "active"`;

// Every SCIM change to a person appends to the provisioning log in the same
// statement (lib/db/scim/users.ts), so the newest entry marks the tree's version.
const LATEST_CHANGE = `SELECT "id" FROM "AuditEvent" WHERE "tenantId" = $1 ORDER BY "at" DESC LIMIT 1`;

export async function findOrgPerson(sql: TenantSql, id: string): Promise<OrgPersonRow | null> {
  const [row] = await sql.rows<OrgPersonRow>(PERSON, [id]);
  return row ?? null;
}

/** The active direct reports of each of `managerIds`, sorted by name, at most `limit` each. */
export async function listOrgReports(sql: TenantSql, managerIds: readonly string[], limit: number): Promise<Map<string, OrgPersonRow[]>> {
  const reports = new Map<string, OrgPersonRow[]>(managerIds.map((id) => [id, []]));
  for (const { managerId, ...row } of await sql.rows<OrgPersonRow & { managerId: string }>(REPORTS, [managerIds, limit])) {
    reports.get(managerId)!.push(row);
  }
  return reports;
}

/** Active people with no active manager, sorted by name: at most `limit`, and how many there are in all. */
export async function listOrgRoots(sql: TenantSql, limit: number): Promise<{ rows: OrgPersonRow[]; total: number }> {
  const rows = await sql.rows<OrgPersonRow & { total: number }>(ROOTS, [limit]);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** The person and their active managers, top first; empty when the person is not active here. */
export function listOrgChain(sql: TenantSql, personId: string, maxSteps: number): Promise<OrgPersonRow[]> {
  return sql.rows<OrgPersonRow>(CHAIN, [personId, maxSteps]);
}

/** Who reports to whom among the tenant's active people. */
export function listActiveEdges(sql: TenantSql): Promise<OrgEdgeRow[]> {
  return sql.rows<OrgEdgeRow>(ACTIVE_EDGES);
}

/** The id of the tenant's newest provisioning-log entry, or null. */
export async function latestOrgChange(sql: TenantSql): Promise<string | null> {
  const [row] = await sql.rows<{ id: string }>(LATEST_CHANGE);
  return row?.id ?? null;
}
