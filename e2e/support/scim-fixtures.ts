import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test as base } from './test';
import pg from 'pg';
import { scimClient, type ScimClient } from './scim-client';
import { E2E_DATABASE_FILE } from './sites';

// Each test gets a tenant of its own on the server's database, so that specs
// run in parallel without seeing each other.

export interface ScimTenant {
  subdomain: string;
  token: string;
  scim: ScimClient;
}

/** The operator CLI on the database at `databaseUrl`. */
function orgwikiOn(databaseUrl: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/cli/orgwiki.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '2' },
    encoding: 'utf8',
  });
}

/** A new tenant and a SCIM token for it, made with the operator CLI on another database (a spec's own server). */
export function createTenantWithToken(databaseUrl: string): { subdomain: string; token: string } {
  const subdomain = `scim-${randomBytes(4).toString('hex')}`;
  orgwikiOn(databaseUrl, 'tenant:create', '--subdomain', subdomain, '--name', `SCIM test ${subdomain}`);
  const token = /Secret Token: (\S+)/.exec(orgwikiOn(databaseUrl, 'token:create', '--subdomain', subdomain, '--name', 'entra'))![1];
  return { subdomain, token };
}

// On the shared server's database, in this process rather than through the CLI: spawning it costs 2-5 s a
// tenant, and the browser suite makes dozens. The same functions it calls.
const SYSTEM = { type: 'system', label: 'browser tests' } as const;

/**
 * Points this worker's lib/db at the browser tests' server's database, before
 * its first query opens the pool: a few connections, for specs that set up
 * tenants side by side (e2e/security/support/world.ts).
 */
export function useTestDatabase(): void {
  process.env.DATABASE_URL = readFileSync(E2E_DATABASE_FILE, 'utf8').trim();
  process.env.DATABASE_POOL_SIZE = '4';
}

/** The operator's functions, on the browser tests' server's database. */
async function operator() {
  useTestDatabase();
  const [{ createTenant }, { createServiceAccountToken }, { setRole }, db] = await Promise.all([
    import('../../lib/tenancy/create-tenant'),
    import('../../lib/tokens/create-service-account-token'),
    import('../../lib/admin/members'),
    import('../../lib/db'),
  ]);
  return { createTenant, createServiceAccountToken, setRole, db };
}

/** A new tenant with a SCIM token on the server's database; bound to the Microsoft directory `directory` when given. */
export async function createScimTenant(directory?: string, displayName?: string): Promise<ScimTenant> {
  const { createTenant, createServiceAccountToken } = await operator();
  const subdomain = `scim-${randomBytes(4).toString('hex')}`;
  const tenant = await createTenant({ subdomain, displayName: displayName ?? `SCIM test ${subdomain}`, entraTenantId: directory });
  const { token } = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Microsoft Entra provisioning', tokenName: 'entra' }, SYSTEM);
  return { subdomain, token, scim: scimClient(subdomain, token) };
}

/** Another token of the tenant's Entra service account, not yet used. */
export async function mintToken(subdomain: string, tokenName: string): Promise<string> {
  const { createServiceAccountToken, db } = await operator();
  const tenant = await db.platformDb.findTenantBySubdomain(subdomain);
  return (await createServiceAccountToken(tenant!.id, { serviceAccountName: 'Microsoft Entra provisioning', tokenName }, SYSTEM)).token;
}

/** Makes the person `userName` of the tenant an admin, as `npm run orgwiki -- member:role` does. */
export async function makeAdmin(subdomain: string, userName: string): Promise<void> {
  const { setRole, db } = await operator();
  const tenant = await db.platformDb.findTenantBySubdomain(subdomain);
  const user = await db.tenantDb(tenant!.id).user.findFirst({ where: { userName } });
  await setRole(tenant!.id, SYSTEM, user!.id, 'admin');
}

export interface AdminTenant extends ScimTenant {
  tid: string;
}

/**
 * A tenant bound to its own directory, with an admin (boss@e2e.example) and a member (staff@e2e.example)
 * provisioned over SCIM, externalId their object id (as docs/sign-in.md has Entra send it).
 */
export async function adminTenant(): Promise<AdminTenant> {
  const tid = randomUUID();
  const tenant = await createScimTenant(tid);
  for (const userName of ['boss@e2e.example', 'staff@e2e.example']) {
    const body = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      externalId: randomUUID(),
      displayName: userName.split('@')[0],
      active: true,
    };
    expect((await tenant.scim.post('/Users', body)).status).toBe(201);
  }
  await makeAdmin(tenant.subdomain, 'boss@e2e.example');
  return { ...tenant, tid };
}

/** The ids of a tenant's tokens, read from the server's database (for tests that forge requests with them). */
export async function tokenIds(subdomain: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_FILE, 'utf8').trim() });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT t."id" FROM "ApiToken" t JOIN "Tenant" n ON n."id" = t."tenantId" WHERE n."subdomain" = $1 ORDER BY t."createdAt"',
      [subdomain],
    );
    return rows.map((row) => row.id as string);
  } finally {
    await client.end();
  }
}

export const test = base.extend<{ tenant: ScimTenant }>({
  tenant: async ({}, use) => {
    await use(await createScimTenant());
  },
});

export { expect } from './test';
