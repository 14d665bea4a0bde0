import type { TenantSql } from '../tenant-sql';

/** How the tenant's active provisioned people can be matched at their first sign-in (lib/auth/admission.ts). */
export interface MatchingCounts {
  /** Signed in already: bound to their object id for good. */
  bound: number;
  /** Not yet, but SCIM sent their object id as externalId. */
  byObjectId: number;
  /** Only by a work email the directory vouches for (and not admins). */
  byEmail: number;
  /** No immutable id and no email that may be used: they cannot be matched. */
  unmatchable: number;
  /** Whose externalId is shaped as an object id, signed in or not. */
  objectIdAsExternalId: number;
}

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

const NO_OBJECT_ID = `"entraObjectId" IS NULL AND ("externalId" IS NULL OR "externalId" !~* ${UUID})`;

const MATCHING = `
  SELECT count(*) FILTER (WHERE "entraObjectId" IS NOT NULL)::int AS bound,
         count(*) FILTER (WHERE "entraObjectId" IS NULL AND "externalId" ~* ${UUID})::int AS "byObjectId",
         count(*) FILTER (WHERE ${NO_OBJECT_ID} AND "workEmail" IS NOT NULL AND role <> 'admin')::int AS "byEmail",
         count(*) FILTER (WHERE ${NO_OBJECT_ID} AND ("workEmail" IS NULL OR role = 'admin'))::int AS unmatchable,
         count(*) FILTER (WHERE "externalId" ~* ${UUID})::int AS "objectIdAsExternalId"
    FROM "User" WHERE "tenantId" = $1 AND provisioned AND active`;

export async function countSignInMatching(sql: TenantSql): Promise<MatchingCounts> {
  const [row] = await sql.rows<MatchingCounts>(MATCHING);
  return row;
}
