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

export function orgwiki(...args: string[]): string {
  return execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'lib/cli/orgwiki.ts', ...args], {
    env: { ...process.env, DATABASE_URL: readFileSync(E2E_DATABASE_FILE, 'utf8').trim(), DATABASE_POOL_SIZE: '1' },
    encoding: 'utf8',
  });
}

/** A new tenant with a SCIM token; bound to the Microsoft directory `directory` when given. */
export function createScimTenant(directory?: string, displayName?: string): ScimTenant {
  const subdomain = `scim-${randomBytes(4).toString('hex')}`;
  orgwiki('tenant:create', '--subdomain', subdomain, '--name', displayName ?? `SCIM test ${subdomain}`, ...(directory ? ['--directory', directory] : []));
  const token = /Secret Token: (\S+)/.exec(orgwiki('token:create', '--subdomain', subdomain, '--name', 'entra'))![1];
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
