import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pgPool } from '../../lib/db/pool';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { authenticateToken } from '../../lib/tokens/authenticate-token';
import { createServiceAccountToken } from '../../lib/tokens/create-service-account-token';
import { TOKEN_PREFIX } from '../../lib/tokens/token-secret';
import { withTestDatabase } from '../support/database';

// What a SCIM request's token costs and when it is known: a guess must not
// cost a database query each, and a token minted anywhere must work on its
// first request, whatever this process read before.

withTestDatabase();
const SYSTEM = { type: 'system', label: 'test' } as const;
const guess = () => TOKEN_PREFIX + randomBytes(32).toString('base64url');

/** How many times the pool hands out a connection while `work` runs: one per query or transaction. */
async function queriesDuring(work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const counted = () => count++;
  const pool = pgPool();
  pool.on('acquire', counted);
  try {
    await work();
  } finally {
    pool.off('acquire', counted);
  }
  return count;
}

describe('authenticateToken', () => {
  it("serves a token minted by another process on its first request, though this process had just read the tenant's tokens", async () => {
    const tenant = await createTenant({ subdomain: 'globex', displayName: 'Globex' });
    const entra = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'entra' }, SYSTEM);
    expect(await authenticateToken(tenant.id, entra.token)).not.toBeNull();
    expect(await authenticateToken(tenant.id, guess())).toBeNull();
    // Minting tells no other process: the row is all there is.
    const rotated = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'rotated' }, SYSTEM);
    expect(await authenticateToken(tenant.id, rotated.token)).toMatchObject({ tokenId: rotated.record.id, tokenName: 'rotated' });
  });

  it("refuses a storm of wrong tokens with a few reads of the tenant's tokens, not a query each", async () => {
    const tenant = await createTenant({ subdomain: 'soylent', displayName: 'Soylent' });
    const entra = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'entra' }, SYSTEM);
    expect(await authenticateToken(tenant.id, entra.token)).not.toBeNull();
    let refused = 0;
    const queries = await queriesDuring(async () => {
      for (let wave = 0; wave < 3; wave++) {
        const answers = await Promise.all(Array.from({ length: 100 }, () => authenticateToken(tenant.id, guess())));
        refused += answers.filter((answer) => answer === null).length;
      }
    });
    expect(refused).toBe(300);
    expect(queries).toBeLessThanOrEqual(6);
    // And the valid token is answered from memory meanwhile.
    expect(await queriesDuring(() => authenticateToken(tenant.id, entra.token))).toBe(0);
  });
});
