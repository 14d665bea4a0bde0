import { tenantSql } from './tenant-sql';

// The read behind every SCIM request's bearer token, in raw SQL because SCIM
// runs it (see tenant-sql.ts). It reads all of a tenant's usable tokens at
// once: lib/tokens keeps them in memory, so that a request, and a wrong guess,
// costs no query of its own. A tenant has at most a few (lib/tokens caps them).

export interface ActiveToken {
  tokenId: string;
  tokenName: string;
  serviceAccountId: string;
  serviceAccountName: string;
  /** SHA-256 of the token, hex. */
  tokenHash: string;
  expiresAt: Date | null;
}

const LIST_ACTIVE_TOKENS = `
  SELECT t."id" AS "tokenId", t."name" AS "tokenName", s."id" AS "serviceAccountId", s."name" AS "serviceAccountName", t."tokenHash", t."expiresAt"
  FROM "ApiToken" t JOIN "ServiceAccount" s ON s."tenantId" = $1 AND s."id" = t."serviceAccountId"
  WHERE t."tenantId" = $1 AND t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > now())`;

/** The tenant's unrevoked, unexpired tokens. */
export function listActiveTokens(tenantId: string): Promise<ActiveToken[]> {
  return tenantSql(tenantId).rows<ActiveToken>(LIST_ACTIVE_TOKENS);
}
