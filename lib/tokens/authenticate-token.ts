import { listen, publish } from '../cluster/broadcast';
import { findActiveToken, tenantDb, type ActiveToken } from '../db';
import { hashToken } from './token-secret';

export type TokenPrincipal = Omit<ActiveToken, 'expiresAt'>;

// A token that answered a moment ago is taken as still good for one second:
// Entra sends a cycle's requests back to back, and looking the token up for
// each would be a third of the database work of a lookup by userName.
// Revoking a token (or deleting its account) calls forgetTokens(), which drops
// this process's copies and, through Redis, every other instance's
// (lib/cluster/broadcast.ts), so the revocation holds on the next request
// everywhere; without Redis, another instance's copy lasts at most the second.
// A lookup that was under way while tokens were dropped is not remembered: it
// may have read the row before the revocation. Failures are never remembered,
// so a token minted a moment ago works at once. On globalThis because Next's
// bundle and the SCIM server load this module separately in one process.
const REMEMBER_MS = 1_000;
const memo = ((globalThis as { orgwikiTokenMemo?: { cache: Map<string, { principal: TokenPrincipal; until: number }>; drops: number } }).orgwikiTokenMemo ??= {
  cache: new Map(),
  drops: 0,
});
const { cache } = memo;

// Tokens this process has seen succeed lately, by hash: while strangers' failures
// block a tenant, these are still looked up (and still refused if revoked since),
// so guessers cannot lock Entra out. Only hashes; an hour is several cycles.
const FAMILIAR_MS = 60 * 60 * 1000;
const familiar = ((globalThis as { orgwikiFamiliarTokens?: Map<string, number> }).orgwikiFamiliarTokens ??= new Map());

/** Whether `presented` succeeded for `tenantId` in this process within the hour. */
export function isFamiliarToken(tenantId: string, presented: string): boolean {
  return (familiar.get(`${tenantId}:${hashToken(presented)}`) ?? 0) > Date.now();
}
const CHANNEL = 'orgwiki:forget-tokens';

function dropTokens(tenantId: string | null): void {
  memo.drops++;
  if (tenantId === null) return cache.clear();
  for (const key of cache.keys()) if (key.startsWith(`${tenantId}:`)) cache.delete(key);
}

/**
 * The service-account token of `tenantId` that `presented` is, or null. Every
 * failure (unknown, revoked, expired, another tenant's) takes the same path: one
 * hash and one indexed lookup, so neither the answer nor its timing tells them apart.
 * The stored hash is compared by the database; guessing it means inverting SHA-256.
 */
export async function authenticateToken(tenantId: string, presented: string): Promise<TokenPrincipal | null> {
  listen(CHANNEL, dropTokens);
  const hash = hashToken(presented);
  const key = `${tenantId}:${hash}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.principal;
  const drops = memo.drops;
  const found = await findActiveToken(tenantId, hash);
  if (!found) {
    cache.delete(key);
    return null;
  }
  const { expiresAt, ...principal } = found;
  if (familiar.size >= 10_000) familiar.clear();
  familiar.set(key, now + FAMILIAR_MS);
  if (drops !== memo.drops) return principal;
  if (cache.size >= 10_000) cache.clear();
  cache.set(key, { principal, until: Math.min(now + REMEMBER_MS, expiresAt?.getTime() ?? Infinity) });
  return principal;
}

/** Drops what every instance remembers of a tenant's tokens; call after revoking one. */
export async function forgetTokens(tenantId: string): Promise<void> {
  dropTokens(tenantId);
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
