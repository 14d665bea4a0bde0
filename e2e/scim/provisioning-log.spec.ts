import { readFileSync } from 'node:fs';
import pg from 'pg';
import { expect, test } from '../support/scim-fixtures';
import { E2E_DATABASE_FILE } from '../support/sites';

// Every SCIM request leaves a provisioning-log entry: changes with what changed,
// written with the change; reads and refusals shortly after, in batches.

async function query(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_FILE, 'utf8').trim() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const auditEvents = (subdomain: string) =>
  query(
    `SELECT a.action, a.details, a."actorLabel", a."targetId" FROM "AuditEvent" a JOIN "Tenant" t ON t.id = a."tenantId"
     WHERE t.subdomain = $1 AND a.action LIKE 'scim.%' ORDER BY a.at`,
    [subdomain],
  );

test('changes are logged with before → after, reads and refusals too, and never the token', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', { userName: 'logged', title: 'Engineer' });
  await tenant.scim.patch(`/Users/${user.id}`, { Operations: [{ op: 'replace', path: 'title', value: 'Manager' }] });
  await tenant.scim.get(`/Users/${user.id}`);
  await tenant.scim.post('/Users', { userName: 'logged' });

  await expect
    .poll(async () => (await auditEvents(tenant.subdomain)).map((e) => e.action), { timeout: 5_000 })
    .toEqual(expect.arrayContaining(['scim.user.create', 'scim.user.patch', 'scim.get', 'scim.post']));
  const events = await auditEvents(tenant.subdomain);
  const patchEvent = events.find((e) => e.action === 'scim.user.patch');
  expect(patchEvent).toMatchObject({ targetId: user.id, details: { title: '"Engineer" → "Manager"' } });
  expect(patchEvent.actorLabel).toContain('token entra');
  expect(events.find((e) => e.action === 'scim.post')?.details).toMatchObject({ status: 409, path: '/Users' });
  expect(JSON.stringify(events)).not.toContain(tenant.token.slice(4));

  const [token] = await query(`SELECT k."lastUsedAt", k."lastUsedUserAgent" FROM "ApiToken" k JOIN "Tenant" t ON t.id = k."tenantId" WHERE t.subdomain = $1`, [
    tenant.subdomain,
  ]);
  expect(token.lastUsedAt).toBeInstanceOf(Date);
});

test('a runaway client is answered 429 with Retry-After, in SCIM form', async ({ tenant }) => {
  // The browser tests' server allows 100 requests a second per tenant (playwright.config.ts); 300 at once must hit it.
  const responses = await Promise.all(Array.from({ length: 300 }, () => tenant.scim.get('/ServiceProviderConfig')));
  const limited = responses.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(responses.every((r) => r.status === 200 || r.status === 429)).toBe(true);
  expect(Number(limited[0].headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(limited[0].json).toMatchObject({ status: '429', schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] });
});
