import { timingSafeEqual } from 'node:crypto';
import { listActiveTokens, type ActiveToken } from '../db';

// Each tenant's usable tokens, as SHA-256 hashes in this process's memory:
// what every SCIM request's token is compared with. A request costs no query,
// and neither does a guess, so strangers' failures never decide whether the
// tenant's own token is served (lib/scim/handle-request.ts checks the token
// before any failure limit).
//
// A token this process does not hold may be one minted a moment ago, by
// another instance or the CLI, which tell no one: so the answer for a token
// not held is the answer of a read that began after the request arrived, and
// a token minted before the request is always found. Reads of one tenant
// never overlap and begin at least READ_GAP_MS apart, and every request
// waiting then shares the next one: a storm of guesses of any size costs a
// tenant at most a few small reads a second per instance, and each guess
// waits for one. The hashes are read again after FRESH_MS, which bounds how
// long a revocation made where this process cannot hear it (another instance
// without Redis, a direct write) goes unnoticed; revocations this process
// hears of drop the tenant's hashes at once (dropTenantTokens).
//
// One entry per tenant that has had a SCIM request, of at most
// MAX_ACTIVE_TOKENS tokens (create-service-account-token.ts), so minting
// cannot grow it. On globalThis because Next's bundle and the SCIM server
// load this module separately in one process, and a revocation in the Admin
// Console must reach the SCIM server's copy.

const FRESH_MS = 1_000;
const READ_GAP_MS = 250;

export type TokenPrincipal = Omit<ActiveToken, 'expiresAt' | 'tokenHash'>;

interface HeldToken {
  digest: Buffer;
  principal: TokenPrincipal;
  /** Epoch ms; Infinity for a token that never expires. */
  expiresAt: number;
}

interface TenantTokens {
  tokens: HeldToken[];
  /** performance.now() when the read behind `tokens` began; -Infinity once dropped. */
  readAt: number;
  /** When the latest read began, for READ_GAP_MS. */
  lastBegan: number;
  /** Reads begun so far, and the number of the one behind `tokens`. */
  begun: number;
  held: number;
  /** Counts drops: a read begun before one may predate a revocation, and is not kept. */
  drops: number;
  reading: Promise<void> | null;
}

const tenants = ((globalThis as { orgwikiTenantTokens?: Map<string, TenantTokens> }).orgwikiTenantTokens ??= new Map());

function entryOf(tenantId: string): TenantTokens {
  let entry = tenants.get(tenantId);
  if (!entry) tenants.set(tenantId, (entry = { tokens: [], readAt: -Infinity, lastBegan: -Infinity, begun: 0, held: 0, drops: 0, reading: null }));
  return entry;
}

const held = (row: ActiveToken): HeldToken => ({
  digest: Buffer.from(row.tokenHash, 'hex'),
  principal: { tokenId: row.tokenId, tokenName: row.tokenName, serviceAccountId: row.serviceAccountId, serviceAccountName: row.serviceAccountName },
  expiresAt: row.expiresAt?.getTime() ?? Infinity,
});

async function readTokens(tenantId: string, entry: TenantTokens): Promise<void> {
  const wait = entry.lastBegan + READ_GAP_MS - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  for (;;) {
    const drops = entry.drops;
    const number = ++entry.begun;
    const began = (entry.lastBegan = performance.now());
    const rows = await listActiveTokens(tenantId);
    if (drops !== entry.drops) continue;
    entry.tokens = rows.map(held);
    entry.readAt = began;
    entry.held = number;
    return;
  }
}

/** The read under way, or a new one; the entry forgets it once it ends, however it ends. */
function read(tenantId: string, entry: TenantTokens): Promise<void> {
  entry.reading ??= readTokens(tenantId, entry).finally(() => {
    entry.reading = null;
  });
  return entry.reading;
}

/** Every held token is compared, each in constant time, so the time taken tells nothing of a guess. */
function find(entry: TenantTokens, digest: Buffer): TokenPrincipal | null {
  const now = Date.now();
  let found: TokenPrincipal | null = null;
  for (const token of entry.tokens) if (timingSafeEqual(token.digest, digest) && token.expiresAt > now) found = token.principal;
  return found;
}

/** The tenant's unrevoked, unexpired token whose SHA-256 is `digest`, or null. */
export async function findTenantToken(tenantId: string, digest: Buffer): Promise<TokenPrincipal | null> {
  const entry = entryOf(tenantId);
  const begunBefore = entry.begun;
  if (performance.now() - entry.readAt < FRESH_MS) {
    const found = find(entry, digest);
    if (found) return found;
  }
  while (entry.held <= begunBefore) await read(tenantId, entry);
  return find(entry, digest);
}

/** Forgets what this process holds of a tenant's tokens (null: of every tenant's), so the next request reads them again. */
export function dropTenantTokens(tenantId: string | null): void {
  for (const [id, entry] of tenants) {
    if (tenantId !== null && id !== tenantId) continue;
    entry.drops++;
    entry.tokens = [];
    entry.readAt = -Infinity;
  }
}
