import type { TenantSql } from '../tenant-sql';

export interface ManagerRow {
  id: string;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  userName: string;
  title: string | null;
  photoKey: string | null;
}

// From the person ($2) up through their managers, former ones included (a
// profile says who someone reported to), never visiting anyone twice (SCIM
// data can loop), at most $3 managers. One round trip however deep; top first.
const MANAGER_CHAIN = `WITH RECURSIVE chain AS (
    SELECT p."managerId" AS "id", 1 AS "depth", ARRAY[p."id"] AS "seen"
    FROM "User" p WHERE p."tenantId" = $1 AND p."id" = $2::uuid AND p."managerId" IS NOT NULL
    UNION ALL
    SELECT m."managerId", c."depth" + 1, c."seen" || m."id"
    FROM chain c JOIN "User" m ON m."tenantId" = $1 AND m."id" = c."id"
    WHERE m."managerId" IS NOT NULL AND c."depth" < $3 AND NOT c."id" = ANY(c."seen")
  )
  SELECT u."id", u."displayName", u."givenName", u."familyName", u."userName", u."title", u."photoKey"
  FROM chain c JOIN "User" u ON u."tenantId" = $1 AND u."id" = c."id"
  WHERE NOT u."id" = ANY(c."seen")
  ORDER BY c."depth" DESC`;

/** The person's managers from the top down to the direct one. */
export function listManagerChain(sql: TenantSql, personId: string, maxSteps: number): Promise<ManagerRow[]> {
  return sql.rows<ManagerRow>(MANAGER_CHAIN, [personId, maxSteps]);
}
