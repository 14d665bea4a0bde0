import { tenantSql } from './tenant-sql';

// The lookup behind every SCIM request's bearer token, in raw SQL because it
// runs on every request (see tenant-sql.ts).

export interface ActiveToken {
  tokenId: string;
  tokenName: string;
  serviceAccountId: string;
  serviceAccountName: string;
  expiresAt: Date | null;
}

const FIND_ACTIVE_TOKEN = `
  SELECT t."id" AS "tokenId", t."name" AS "tokenName", s."id" AS "serviceAccountId", s."name" AS "serviceAccountName", t."expiresAt"
  FROM "ApiToken" t JOIN "ServiceAccount" s ON s."tenantId" = $1 AND s."id" = t."serviceAccountId"
  WHERE t."tenantId" = $1 AND t."tokenHash" = $2 AND t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > now())`;

/** The tenant's unrevoked, unexpired token with this hash, or null. */
export async function findActiveToken(tenantId: string, tokenHash: string): Promise<ActiveToken | null> {
  const [token] = await tenantSql(tenantId).rows<ActiveToken>(FIND_ACTIVE_TOKEN, [tokenHash]);
  return token ?? null;
}
