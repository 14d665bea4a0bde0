import { expect } from '@playwright/test';
import type { EmbeddedDb } from './newcomer-env';
import { runTool } from './tools';

// The operator CLI (tools/cli/orgwiki.ts) from a second terminal while the demo
// runs: it finds the demo's embedded database on EMBEDDED_DB_PORT and shares
// it, as README's "Operator CLI" says.

const ORGWIKI = 'tools/cli/orgwiki.ts';

/** tenant:list, read-only: answers the subdomains it lists. */
export async function listTenants(db: EmbeddedDb): Promise<string[]> {
  const run = await runTool(ORGWIKI, ['tenant:list'], db);
  expect(run.code, `orgwiki tenant:list exited with:\n${run.output}`).toBe(0);
  // "<subdomain>\t<name>\t<id>\t<created>" a line.
  return run.output
    .split('\n')
    .filter((line) => line.split('\t').length === 4)
    .map((line) => line.split('\t')[0]);
}

/** tenant:create then token:create: a tenant of its own for the Entra simulator, and what to paste into Entra for it. */
export async function createTenantWithToken(db: EmbeddedDb, subdomain: string): Promise<{ tenantUrl: string; token: string }> {
  const created = await runTool(ORGWIKI, ['tenant:create', '--subdomain', subdomain, '--name', 'Simulated Entra directory'], db);
  expect(created.code, `orgwiki tenant:create exited with:\n${created.output}`).toBe(0);
  const minted = await runTool(ORGWIKI, ['token:create', '--subdomain', subdomain, '--name', 'entra'], db);
  expect(minted.code, `orgwiki token:create exited with:\n${minted.output}`).toBe(0);
  const tenantUrl = /^Tenant URL:\s+(\S+)$/m.exec(minted.output)?.[1];
  const token = /^Secret Token:\s+(\S+)$/m.exec(minted.output)?.[1];
  expect(tenantUrl && token, `token:create printed no Tenant URL and Secret Token:\n${minted.output}`).toBeTruthy();
  return { tenantUrl: tenantUrl!, token: token! };
}
