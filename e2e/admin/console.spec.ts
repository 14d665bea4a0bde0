import { randomUUID } from 'node:crypto';
import { createServiceAccountThroughTutorial } from '../support/admin-console';
import { scimRequest } from '../support/scim-client';
import { adminTenant, tokenIds } from '../support/scim-fixtures';
import { homeHeading, openUserMenu, showUserMenu, signIn } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { LAYOUT_RULES, seriousViolations } from '../support/axe';
import { expect, test } from '../support/test';

// The Admin Console, starting with the README's provisioning steps
// taken literally: Admin Console → Settings → Service Accounts →
// +Service Account → Token Based → Save → Manage Tokens for SCIM provisioning.

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Entra's Test Connection request, with `token`. */
const testConnection = (subdomain: string, token: string) =>
  scimRequest({ subdomain, method: 'GET', path: `/Users?filter=userName eq "${randomUUID()}"`, token }).then((r) => r.status);

test('the tutorial: an admin makes a Token Based service account and its token provisions; a revoked token gets 401', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const tenant = await adminTenant();
  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await openUserMenu(page, 'Admin Console');
  await expect(page.getByRole('heading', { name: 'Admin Console' })).toBeVisible();

  const token = await createServiceAccountThroughTutorial(page);
  const manage = page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' });
  await manage.getByRole('button', { name: 'Copy', exact: true }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  expect(token).toMatch(/^owk_/);
  await expect(manage.getByLabel('Tenant URL')).toHaveValue(tenantUrl(tenant.subdomain, '/api/v2/scim/v2/'));

  // The live steps follow Entra: its Test Connection, then the first cycle.
  const steps = manage.getByRole('region', { name: 'Connection to Microsoft Entra ID' });
  await expect(steps).toContainText('Waiting for Test Connection…');
  expect(await testConnection(tenant.subdomain, token)).toBe(200);
  await expect(steps).toContainText('Test Connection received ✓');
  const post = (path: string, body: unknown) => scimRequest({ subdomain: tenant.subdomain, method: 'POST', path, token, body }).then((r) => r.status);
  expect(await post('/Users', { schemas: [CORE], userName: 'first@e2e.example', active: true })).toBe(201);
  expect(await post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'First group' })).toBe(201);
  await expect(steps).toContainText('First cycle: 1 user and 1 group provisioned so far');

  // Closed and opened again: the token is never shown in full again.
  await manage.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /Manage tokens of Microsoft Entra ID provisioning/ }).click();
  await expect(manage.getByLabel(/New token/)).toHaveCount(0);
  await expect(manage.getByText(token)).toHaveCount(0);
  await expect(manage.getByText(`${token.slice(0, 8)}…${token.slice(-4)}`)).toBeVisible();

  await manage.getByRole('listitem', { name: 'Token Token 1' }).getByRole('button', { name: 'Revoke' }).click();
  await manage.getByRole('button', { name: 'Revoke token' }).click();
  await expect(manage.getByText('No active tokens')).toBeVisible();
  expect(await testConnection(tenant.subdomain, token)).toBe(401);
});

test('rotation without downtime, expiry warnings, last use, and deleting an account revokes its tokens', async ({ page }) => {
  const tenant = await adminTenant();
  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/settings/service-accounts'));
  const first = await createServiceAccountThroughTutorial(page, 'Entra');
  const manage = page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' });

  await manage.getByLabel('Token name').fill('Rotation');
  await manage.getByLabel('Expires').selectOption('30');
  await manage.getByRole('button', { name: 'Generate token' }).click();
  await expect(manage.getByLabel('New token “Rotation”')).toBeVisible();
  const second = await manage.getByLabel(/New token/).inputValue();
  expect(second).not.toBe(first);
  await expect(manage.getByRole('listitem', { name: 'Token Rotation' })).toContainText(/in (29|30) days: generate a new token/);

  // Both work while Entra is switched over; the old one is revoked; the new one still works.
  expect(await testConnection(tenant.subdomain, first)).toBe(200);
  expect(await testConnection(tenant.subdomain, second)).toBe(200);
  await manage.getByRole('listitem', { name: 'Token Token 1' }).getByRole('button', { name: 'Revoke' }).click();
  await manage.getByRole('button', { name: 'Revoke token' }).click();
  await expect(manage.getByRole('listitem', { name: 'Token Token 1' })).toHaveCount(0);
  expect(await testConnection(tenant.subdomain, first)).toBe(401);
  expect(await testConnection(tenant.subdomain, second)).toBe(200);

  await page.reload();
  await page.getByRole('button', { name: 'Manage tokens of Entra' }).click();
  await expect(manage.getByRole('listitem', { name: 'Token Rotation' })).toContainText(/Last used .* from 127\.0\.0\.1|Last used/);
  await expect(manage.getByRole('listitem', { name: 'Token Rotation' })).not.toContainText('Never used');

  await manage.getByRole('button', { name: 'Delete service account' }).click();
  await manage.getByRole('group', { name: 'Confirm deleting the service account' }).getByRole('button', { name: 'Delete service account' }).click();
  await expect(page.getByRole('rowheader', { name: 'Entra', exact: true })).toHaveCount(0);
  expect(await testConnection(tenant.subdomain, second)).toBe(401);
});

test('members are refused every admin page; roles change, and the last admin stays', async ({ page, browser }) => {
  const tenant = await adminTenant();
  const member = await browser.newPage();
  await signIn(member, tenant.subdomain, { tid: tenant.tid, userName: 'staff@e2e.example' });
  await showUserMenu(member);
  await expect(member.getByRole('link', { name: 'Admin Console' })).toHaveCount(0);
  for (const path of ['/admin', '/admin/settings', '/admin/settings/service-accounts', '/admin/provisioning', '/admin/members', '/admin/audit']) {
    const response = await member.goto(tenantUrl(tenant.subdomain, path));
    expect(response?.status(), path).toBe(403);
    await expect(member.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  }
  expect(await member.evaluate(() => fetch('/admin/provisioning/export').then((r) => r.status))).toBe(403);

  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/members'));
  const action = page.waitForRequest((request) => request.method() === 'POST' && !!request.headers()['next-action']);
  await page.getByRole('button', { name: 'Remove admin from boss' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('The last admin cannot be demoted');

  // The member sends the admin's action themselves, naming themselves: refused on the server.
  const staffId = (await tenant.scim.get('/Users?filter=userName eq "staff@e2e.example"')).json.Resources[0].id;
  const forged = await member.evaluate(
    ({ url, id, staff }) =>
      fetch(url, {
        method: 'POST',
        headers: { 'next-action': id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify([staff, 'admin']),
      }).then((r) => r.status),
    { url: tenantUrl(tenant.subdomain, '/admin/members'), id: (await action).headers()['next-action'], staff: staffId },
  );
  expect(forged).toBe(403);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Make admin: staff' })).toBeVisible();
  await page.getByRole('button', { name: 'Make admin: staff' }).click();
  await expect(page.getByRole('button', { name: 'Remove admin from staff' })).toBeVisible();
  await member.goto(tenantUrl(tenant.subdomain, '/admin/settings'));
  await expect(member.getByRole('heading', { name: 'Admin Console' })).toBeVisible();

  await page.goto(tenantUrl(tenant.subdomain, '/admin/audit'));
  const audit = page.getByRole('table', { name: 'Admin actions' });
  await expect(audit.getByRole('rowheader').first()).toHaveText('boss made staff an admin');
  await expect(audit.getByRole('row').nth(1)).toContainText('member → admin');
});

test('settings: the organization name and who may sign in, both in the audit log', async ({ page, browser }) => {
  const tenant = await adminTenant();
  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/settings'));
  await expect(page.getByRole('textbox', { name: 'Tenant URL' })).toHaveValue(`${tenantUrl(tenant.subdomain, '/api/v2/scim/v2/')}`);
  await expect(page.getByText(tenant.tid)).toBeVisible();

  await page.getByLabel('Organization name').fill('Renamed Inc');
  await page.getByLabel('Anyone in our Microsoft directory', { exact: true }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Renamed Inc' })).toBeVisible();

  // SCIM has provisioned people here, and still a walk-in from the directory may now enter.
  const walkIn = await browser.newPage();
  await signIn(walkIn, tenant.subdomain, { tid: tenant.tid, userName: 'walk-in@e2e.example' });
  await expect(homeHeading(walkIn)).toBeAttached();

  await page.getByLabel('Organization name').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  expect(await page.getByLabel('Organization name').evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);

  await page.goto(tenantUrl(tenant.subdomain, '/admin/audit'));
  const audit = page.getByRole('table', { name: 'Admin actions' });
  await expect(audit.getByRole('rowheader').first()).toHaveText('boss changed the settings');
  await expect(audit.getByRole('row').nth(1)).toContainText('automatic → directory');
});

test("one tenant's admin can neither see nor revoke another tenant's tokens, even with a forged action", async ({ page }) => {
  const mine = await adminTenant();
  const theirs = await adminTenant();
  await signIn(page, mine.subdomain, { tid: mine.tid, userName: 'boss@e2e.example' });

  // Their console on their host: no session there.
  await page.goto(tenantUrl(theirs.subdomain, '/admin/settings/service-accounts'));
  await expect(page).toHaveURL(tenantUrl(theirs.subdomain, '/login'));

  // Revoke one of my tokens, keep the request, and send it again naming their token.
  await page.goto(tenantUrl(mine.subdomain, '/admin/settings/service-accounts'));
  await createServiceAccountThroughTutorial(page, 'Mine');
  const manage = page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' });
  const revoke = page.waitForRequest((request) => request.method() === 'POST' && !!request.headers()['next-action']);
  await manage.getByRole('listitem', { name: 'Token Token 1' }).getByRole('button', { name: 'Revoke' }).click();
  await manage.getByRole('button', { name: 'Revoke token' }).click();
  const sent = await revoke;

  const [theirTokenId] = await tokenIds(theirs.subdomain);
  expect(theirTokenId).toMatch(/^[0-9a-f-]{36}$/);
  // From the page itself (same origin, my session cookie), as a tampering admin would.
  const forged = await page.evaluate(
    ({ url, action, id }) =>
      fetch(url, {
        method: 'POST',
        headers: { 'next-action': action, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify([id]),
      }).then(async (r) => ({ status: r.status, body: await r.text() })),
    { url: sent.url(), action: sent.headers()['next-action'], id: theirTokenId },
  );
  expect(forged.status).toBe(200);
  expect(forged.body).toContain('No such active token');
  expect((await theirs.scim.get('/Users?count=1')).status).toBe(200);
});

test('the provisioning log reads as sentences with their changes, filters, exports CSV, and the charts count what Entra did', async ({ page }) => {
  const tenant = await adminTenant();
  const created = await tenant.scim.post('/Users', {
    schemas: [CORE],
    userName: 'diff@e2e.example',
    displayName: 'Quinn Okafor',
    title: 'Engineer',
    active: true,
  });
  await tenant.scim.patch(`/Users/${created.json.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Staff Engineer' }] });
  await tenant.scim.get('/Users/not-a-real-id');
  await tenant.scim.get(`/Users?filter=userName eq "${randomUUID()}"`); // Test Connection

  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/provisioning'));
  // Relative times, the exact time on hover.
  const tested = page.getByText('Last Test Connection').locator('..').locator('time');
  await expect(tested).toHaveText(/just now|minute/);
  await expect(tested).toHaveAttribute('title', /UTC$/);
  await expect(page.getByText('Last request from Entra').locator('..')).toContainText(/just now|minute/);

  const log = page.getByRole('table', { name: 'SCIM requests' });
  await expect(log.getByRole('rowheader')).toHaveText([
    'Entra tested the connection',
    'Entra looked up a person',
    'Entra updated Quinn Okafor',
    'Entra created Quinn Okafor',
    'Entra created staff',
    'Entra created boss',
  ]);
  await expect(log).toContainText('"Engineer" → "Staff Engineer"');
  await expect(log.getByText('Failed: 404 Not Found')).toBeVisible();
  await expect(log).not.toContainText(created.json.id);

  // The charts, drawn on the server: this hour's bar says what happened.
  const changes = page.getByRole('img', { name: /^Users: changes:/ });
  await expect(changes).toHaveAccessibleName('Users: changes: 3 created, 1 updated, 0 deactivated, 0 deleted');
  await expect(page.getByRole('img', { name: /^Users: requests:/ })).toHaveAccessibleName('Users: requests: 5 succeeded, 1 failed');
  await page.getByRole('link', { name: 'Last 90 days, by day' }).click();
  await expect(page).toHaveURL(/range=90d/);
  await expect(page.getByRole('img', { name: /^Users: changes:/ })).toHaveAccessibleName('Users: changes: 3 created, 1 updated, 0 deactivated, 0 deleted');

  await page.getByLabel('Operation').selectOption('update');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(log.getByRole('rowheader')).toHaveText(['Entra updated Quinn Okafor']);

  await page.getByLabel('Operation').selectOption('all');
  await page.getByLabel('Outcome').selectOption('failure');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(log.getByRole('rowheader')).toHaveText(['Entra looked up a person']);
  // The range stays as the filters change.
  await expect(page).toHaveURL(/range=90d/);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('"time","event","outcome","token","operation","target","status","changes","ip"');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('"Entra looked up a person","Failed: 404 Not Found"');
});

test('every admin page passes axe with no serious or critical violations, on a desktop and at phone width', async ({ page }) => {
  test.setTimeout(120_000); // seven axe runs
  const tenant = await adminTenant();
  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ['/admin/settings', '/admin/settings/service-accounts', '/admin/provisioning', '/admin/members', '/admin/audit']) {
    await page.goto(tenantUrl(tenant.subdomain, path));
    expect(await seriousViolations(page, `${path} @1280`)).toEqual([]);
  }
  // At 390 px the other four pages are checked with the same rules, in both schemes, by e2e/shell/ui-kit.spec.ts.
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/settings'));
  expect(await seriousViolations(page, '/admin/settings @390', { rules: LAYOUT_RULES })).toEqual([]);
  // At phone width the tables are lists of cards, and a dialog fits the screen.
  await page.goto(tenantUrl(tenant.subdomain, '/admin/members'));
  await expect(page.getByRole('table', { name: 'Members' })).toBeHidden();
  await expect(page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Remove admin from boss' })).toBeVisible();
  await page.goto(tenantUrl(tenant.subdomain, '/admin/settings/service-accounts'));
  await page.getByRole('button', { name: '+Service Account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Service Account' });
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page, 'service account dialog', { selector: 'dialog' })).toEqual([]);
});
