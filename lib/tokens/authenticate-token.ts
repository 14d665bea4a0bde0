import { listen, publish } from '../ops/broadcast';
import { tenantDb } from '../db';
import { dropTenantTokens, findTenantToken, type TokenPrincipal } from './tenant-tokens';
import { tokenDigest } from './token-secret';

export type { TokenPrincipal };

// Revoking a token (or deleting its account) calls forgetTokens(), which drops
// this process's copy of the tenant's tokens and, through Redis, every other
// instance's (lib/ops/broadcast.ts), so the revocation holds on the next
// request everywhere; without Redis, another instance notices within a second
// (tenant-tokens.ts). Minting needs no notice: a token an instance does not
// hold is looked for in a read that begins after the request arrived.
const CHANNEL = 'orgwiki:forget-tokens';

/**
 * The service-account token of `tenantId` that `presented` is, or null. Every
 * failure (unknown, revoked, expired, another tenant's) takes the same path:
 * one hash, compared in constant time with each of the tenant's token hashes.
 */
export function authenticateToken(tenantId: string, presented: string): Promise<TokenPrincipal | null> {
  listen(CHANNEL, dropTenantTokens);
  return findTenantToken(tenantId, tokenDigest(presented));
}

/** Drops what every instance holds of a tenant's tokens; call after revoking one. */
export async function forgetTokens(tenantId: string): Promise<void> {
  dropTenantTokens(tenantId);
  await publish(CHANNEL, tenantId);
}

const LAST_USED_INTERVAL_MS = 60_000;
const lastWritten = new Map<string, number>();

/**
 * Records when and from where a token was last used, at most once a minute per
 * token and process: Entra sends thousands of requests a cycle, and a write for
 * each would double the database load for a figure shown to the minute.
 */
export function noteTokenUse(tenantId: string, tokenId: string, source: { ip: string | null; userAgent: string | null }): void {
  const now = Date.now();
  if (now - (lastWritten.get(tokenId) ?? 0) < LAST_USED_INTERVAL_MS) return;
  if (lastWritten.size > 10_000) lastWritten.clear();
  lastWritten.set(tokenId, now);
  void tenantDb(tenantId)
    .apiToken.updateMany({
      where: { id: tokenId },
      data: { lastUsedAt: new Date(now), lastUsedIp: source.ip?.slice(0, 64) ?? null, lastUsedUserAgent: source.userAgent?.slice(0, 256) ?? null },
    })
    .catch(() => lastWritten.delete(tokenId));
}

/** Records that Entra's Test Connection arrived with this token (docs/provisioning.md): the console's connecting steps wait for it. */
export async function noteTestConnection(tenantId: string, tokenId: string): Promise<void> {
  await tenantDb(tenantId).apiToken.updateMany({ where: { id: tokenId }, data: { testConnectionAt: new Date() } });
}
