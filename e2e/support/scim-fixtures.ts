import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import pg from 'pg';
import { scimClient, type ScimClient } from './scim-client';
import { E2E_DATABASE_FILE } from './sites';

// Each test gets a tenant of its own, made with the operator CLI on the
// server's database, so that specs run in parallel without seeing each other.

export interface ScimTenant {
  subdomain: string;
  token: string;
  scim: ScimClient;
}

/** The operator CLI on the database at `databaseUrl`. */
export function orgwikiOn(databaseUrl: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'lib/cli/orgwiki.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '1' },
    encoding: 'utf8',
  });
}

/** The operator CLI on the browser tests' server's database. */
export function orgwiki(...args: string[]): string {
  return orgwikiOn(readFileSync(E2E_DATABASE_FILE, 'utf8').trim(), ...args);
}

/** A new tenant and a SCIM token for it, on the database at `databaseUrl`; bound to the Microsoft directory `directory` when given. */
export function createTenantWithToken(databaseUrl: string, options: { directory?: string; displayName?: string } = {}): { subdomain: string; token: string } {
  const subdomain = `scim-${randomBytes(4).toString('hex')}`;
  const cli = (...args: string[]) => orgwikiOn(databaseUrl, ...args);
  cli('tenant:create', '--subdomain', subdomain, '--name', options.displayName ?? `SCIM test ${subdomain}`, ...(options.directory ? ['--directory', options.directory] : []));
  const token = /Secret Token: (\S+)/.exec(cli('token:create', '--subdomain', subdomain, '--name', 'entra'))![1];
  return { subdomain, token };
}

/** A new tenant with a SCIM token on the server's database; bound to the Microsoft directory `directory` when given. */
export function createScimTenant(directory?: string, displayName?: string): ScimTenant {
  const { subdomain, token } = createTenantWithToken(readFileSync(E2E_DATABASE_FILE, 'utf8').trim(), { directory, displayName });
  return { subdomain, token, scim: scimClient(subdomain, token) };
}

/** The ids of a tenant's tokens, read from the server's database (for tests that forge requests with them). */
export async function tokenIds(subdomain: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_FILE, 'utf8').trim() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT t."id" FROM "ApiToken" t JOIN "Tenant" n ON n."id" = t."tenantId" WHERE n."subdomain" = $1 ORDER BY t."createdAt"', [subdomain]);
    return rows.map((row) => row.id as string);
  } finally {
    await client.end();
  }
}

export const test = base.extend<{ tenant: ScimTenant }>({
  tenant: async ({}, use) => {
    await use(createScimTenant());
  },
});

export { expect } from '@playwright/test';
