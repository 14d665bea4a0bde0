import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { flushProvisioningLog } from '../../lib/scim/provisioning-log-queue';
import { handleScimRequest } from '../../lib/scim/handle-request';
import type { ScimRequest } from '../../lib/scim/http';
import { closeScimLimiters } from '../../lib/scim/rate-limit';
import { CLIENT_ADDRESS_HEADER } from '../../lib/security/client-address';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { SCIM_BASE_PATH } from '../../lib/tenancy/routing';
import { dropTenantTokens } from '../../lib/tokens/tenant-tokens';
import { createServiceAccountToken } from '../../lib/tokens/create-service-account-token';
import { TOKEN_PREFIX } from '../../lib/tokens/token-secret';
import { withTestDatabase } from '../support/database';

// Issue 15's storms against the SCIM handler in this process, with the
// failure limits in memory: a valid token of the tenant is served whatever
// strangers sent from its address or against its tenant, used before or not.
// e2e/scim/token-availability.spec.ts runs them on two instances and across a
// restart.

withTestDatabase();
afterAll(async () => {
  await flushProvisioningLog();
  await closeScimLimiters();
});

const ROOT = 'localhost:3000';
const SYSTEM = { type: 'system', label: 'test' } as const;
const guess = () => TOKEN_PREFIX + randomBytes(32).toString('base64url');
const address = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function status(subdomain: string, token: string, from: string): Promise<number> {
  const headers: Record<string, string> = { host: `${subdomain}.${ROOT}`, authorization: `Bearer ${token}`, [CLIENT_ADDRESS_HEADER]: from };
  const request: ScimRequest = {
    method: 'GET',
    url: new URL(`http://scim.internal${SCIM_BASE_PATH}/Users?count=1`),
    header: (name) => headers[name] ?? null,
    body: null,
    aborted: () => false,
  };
  return (await handleScimRequest(request, ROOT)).status;
}

async function tenantWithToken(subdomain: string) {
  const tenant = await createTenant({ subdomain, displayName: subdomain });
  const { token } = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'entra' }, SYSTEM);
  return {
    tenant,
    token,
    mint: async (name: string) => (await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: name }, SYSTEM)).token,
  };
}

describe('wrong-token storms', () => {
  it('21 failures from one address get its guesses refused, never the valid tokens it sends, of this tenant or another', async () => {
    const victim = await tenantWithToken('victim-address');
    const bystander = await tenantWithToken('bystander');
    const shared = address();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push(await status('victim-address', guess(), shared));
    expect(statuses).toEqual([...Array(21).fill(401), 429]);
    const rotated = await victim.mint('rotated');
    expect(await status('victim-address', victim.token, shared)).toBe(200);
    expect(await status('victim-address', rotated, shared)).toBe(200);
    expect(await status('bystander', bystander.token, shared)).toBe(200);
    expect(await status('bystander', guess(), shared)).toBe(429);
  });

  it("234 failures from 13 addresses get the tenant's guesses refused, never a token minted meanwhile and never used", async () => {
    const victim = await tenantWithToken('victim-spread');
    expect(await status('victim-spread', victim.token, address())).toBe(200);
    const unused = await victim.mint('never used');
    const from = Array.from({ length: 13 }, address);
    const statuses: number[] = [];
    for (let round = 0; round < 18; round++) statuses.push(...(await Promise.all(from.map((a) => status('victim-spread', guess(), a)))));
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.at(-1)).toBe(429);
    expect(await status('victim-spread', unused, address())).toBe(200);
    expect(await status('victim-spread', unused, from[0])).toBe(200);
    // With everything this process held of tokens gone, as after Redis reconnects.
    dropTenantTokens(null);
    const fresh = await victim.mint('after the caches emptied');
    expect(await status('victim-spread', fresh, from[1])).toBe(200);
    expect(await status('victim-spread', victim.token, from[2])).toBe(200);
    expect(await status('victim-spread', guess(), from[3])).toBe(429);
  });
});
