import { tenantDb } from '../db';
import { hashToken } from './token-secret';

export interface TokenPrincipal {
  tokenId: string;
  tokenName: string;
  serviceAccountId: string;
  serviceAccountName: string;
}

const LAST_USED_INTERVAL_MS = 60_000;
const lastWritten = new Map<string, number>();

/**
 * The service-account token of `tenantId` that `presented` is, or null. Every
 * failure (unknown, revoked, expired, another tenant's) takes the same path: one
 * hash and one indexed lookup, so neither the answer nor its timing tells them apart.
 * The stored hash is compared by the database; guessing it means inverting SHA-256.
 */
export async function authenticateToken(tenantId: string, presented: string): Promise<TokenPrincipal | null> {
  const token = await tenantDb(tenantId).apiToken.findFirst({
    where: { tokenHash: hashToken(presented), revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: { id: true, name: true, serviceAccount: { select: { id: true, name: true } } },
  });
  if (!token) return null;
  return { tokenId: token.id, tokenName: token.name, serviceAccountId: token.serviceAccount.id, serviceAccountName: token.serviceAccount.name };
}

/**
 * Records when and from where a token was last used, at most once a minute per
 * token and process: Entra sends thousands of requests a cycle, and a write for
 * each would double the database load for a figure shown to the minute.
 */
export function noteTokenUse(tenantId: string, tokenId: string, source: { ip: string | null; userAgent: string | null }): void {
  const now = Date.now();
  if (now - (lastWritten.get(tokenId) ?? 0) < LAST_USED_INTERVAL_MS) return;
  lastWritten.set(tokenId, now);
  void tenantDb(tenantId)
    .apiToken.updateMany({
      where: { id: tokenId },
      data: { lastUsedAt: new Date(now), lastUsedIp: source.ip?.slice(0, 64) ?? null, lastUsedUserAgent: source.userAgent?.slice(0, 256) ?? null },
    })
    .catch(() => lastWritten.delete(tokenId));
}
