import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { platformDb, tenantDb } from '../../lib/db';
import { hashToken } from '../../lib/tokens/token-secret';
import { withTestDatabase } from '../support/database';

const database = withTestDatabase();
const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

async function orgwiki(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['tools/cli/orgwiki.ts', ...args], {
      env: { ...process.env, DATABASE_URL: database.url, ROOT_DOMAIN: 'theorgwiki.test' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('orgwiki CLI', () => {
  it('creates and lists tenants', async () => {
    const created = await orgwiki('tenant:create', '--subdomain', 'umbrella', '--name', 'Umbrella Corp');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('https://umbrella.theorgwiki.test');
    const listed = await orgwiki('tenant:list');
    expect(listed.stdout).toMatch(/^umbrella\tUmbrella Corp\t/m);
  });

  it('mints a token, prints it once and stores only its hash', async () => {
    const { code, stdout } = await orgwiki('token:create', '--subdomain', 'umbrella', '--name', 'entra');
    expect(code).toBe(0);
    expect(stdout).toContain('Tenant URL:   https://umbrella.theorgwiki.test/api/v2/scim/v2/');
    const token = /Secret Token: (owk_\S+)/.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const tenant = (await platformDb.findTenantBySubdomain('umbrella'))!;
    const stored = await tenantDb(tenant.id).apiToken.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(hashToken(token!));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it.each([
    [['tenant:create', '--subdomain', 'www', '--name', 'X'], /reserved/],
    [['tenant:create', '--subdomain', 'umbrella', '--name', 'Again'], /already has a tenant/],
    [['tenant:create', '--name', 'No subdomain'], /--subdomain is required/],
    [['token:create', '--subdomain', 'nobody', '--name', 'entra'], /No tenant has the subdomain "nobody"/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const result = await orgwiki(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
