import { randomUUID } from 'node:crypto';
import { createScimTenant, type ScimTenant } from '../support/scim-fixtures';
import { openUserMenu, signIn } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// Profiles: who someone is, where they sit, and what they write about themselves.

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** A small company provisioned over SCIM: ceo ← vp ← lead ← dev1, dev2. */
async function company(): Promise<{ tenant: ScimTenant; tid: string; ids: Record<string, string> }> {
  const tid = randomUUID();
  const tenant = await createScimTenant(tid);
  const ids: Record<string, string> = {};
  const people: [string, string, string | null][] = [
    ['ceo', 'Chief Executive', null],
    ['vp', 'VP Engineering', 'ceo'],
    ['lead', 'Team Lead', 'vp'],
    ['dev1', 'Engineer', 'lead'],
    ['dev2', 'Engineer', 'lead'],
  ];
  for (const [handle, title, manager] of people) {
    const created = await tenant.scim.post('/Users', {
      schemas: [CORE, ENTERPRISE],
      userName: `${handle}@e2e.example`,
      displayName: `${handle.toUpperCase()} Person`,
      title,
      ...(handle === 'lead' ? { timezone: 'Asia/Tokyo' } : {}),
      emails: [{ type: 'work', value: `${handle}@e2e.example`, primary: true }],
      phoneNumbers: [{ type: 'work', value: '+44 20 7946 0000' }],
      [ENTERPRISE]: { department: 'Engineering', employeeNumber: `E-${handle}`, ...(manager ? { manager: { value: ids[manager] } } : {}) },
    });
    expect(created.status).toBe(201);
    ids[handle] = created.json.id;
  }
  return { tenant, tid, ids };
}

test("a profile shows the manager chain, reports, contact and what is Entra's; a person edits only their own about and skills", async ({ page, browser }) => {
  const { tenant, tid, ids } = await company();
  await signIn(page, tenant.subdomain, { tid, userName: 'dev1@e2e.example' });

  await page.getByRole('region', { name: 'Your team' }).getByRole('link', { name: 'LEAD Person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'LEAD Person' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Reports to' })).toHaveText(/CEO Person\s*›?\s*VP Person\s*›?\s*LEAD Person/);
  const reports = page.getByRole('region', { name: 'Direct reports' });
  await expect(reports.getByRole('listitem').getByRole('link')).toHaveText(['DEV1 Person', 'DEV2 Person']);
  await reports.getByRole('link', { name: 'All direct reports in the directory' }).click();
  await expect(page.getByRole('list', { name: 'People' }).getByRole('link')).toHaveText(['DEV1 Person', 'DEV2 Person']);
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Contact' }).getByRole('link', { name: 'lead@e2e.example' })).toHaveAttribute(
    'href',
    'mailto:lead@e2e.example',
  );
  await expect(page.getByRole('region', { name: 'Contact' })).toContainText('From Microsoft Entra ID');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('E-lead');
  // Tokyo is nine hours ahead of UTC all year.
  const tokyo = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', weekday: 'short' }).format(new Date());
  await expect(page.getByRole('article').locator('header')).toContainText(new RegExp(`Local time ${tokyo} \\d\\d:\\d\\d \\(Asia/Tokyo\\)`));
  await expect(page.getByLabel('About me')).toHaveCount(0); // someone else's

  await openUserMenu(page, 'My profile');
  await expect(page).toHaveURL(tenantUrl(tenant.subdomain, `/people/${ids.dev1}`));
  await expect(page.getByText('Local time')).toHaveCount(0); // no time zone from Entra
  await expect(page.getByRole('region', { name: 'Peers' }).getByRole('link')).toHaveText(['DEV2 Person']);
  await page.getByLabel('About me').fill('I look after the build.');
  await page.getByLabel('Skills').fill('TypeScript, PostgreSQL, TypeScript');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  const colleague = await browser.newPage();
  await signIn(colleague, tenant.subdomain, { tid, userName: 'dev2@e2e.example' });
  await colleague.goto(tenantUrl(tenant.subdomain, '/people/dev1@e2e.example'));
  await expect(colleague.getByText('I look after the build.')).toBeVisible();
  await expect(colleague.getByRole('list', { name: 'Skills' }).getByRole('listitem')).toHaveText(['TypeScript', 'PostgreSQL']);

  expect((await colleague.goto(tenantUrl(tenant.subdomain, `/people/${randomUUID()}`)))?.status()).toBe(404);
});

test('a manager Entra named who is not in the directory yet is shown as such, on the profile and the org chart, until linked', async ({ page }) => {
  const { tenant, tid, ids } = await company();
  const hire = await tenant.scim.post('/Users', {
    schemas: [CORE, ENTERPRISE],
    userName: 'hire@e2e.example',
    displayName: 'HIRE Person',
    [ENTERPRISE]: { manager: { value: randomUUID() } },
  });
  expect(hire.status).toBe(201);
  await signIn(page, tenant.subdomain, { tid, userName: 'dev1@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, `/people/${hire.json.id}`));
  await expect(page.getByText('Reports to: manager not in the directory yet')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Reports to' })).toHaveCount(0);
  await page.goto(tenantUrl(tenant.subdomain, `/org?person=${hire.json.id}`));
  const card = page.locator('[data-person]').filter({ has: page.getByRole('link', { name: 'HIRE Person', exact: true }) });
  await expect(card).toContainText('Manager not in the directory yet');
  await expect(page.locator('[data-person]').filter({ hasText: 'Manager not in the directory yet' })).toHaveCount(1);

  // Entra sends the manager's id once the manager is provisioned: linked, and the note is gone.
  const linked = await tenant.scim.patch(`/Users/${hire.json.id}`, { Operations: [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: ids.lead }] });
  expect(linked.status).toBe(200);
  await page.goto(tenantUrl(tenant.subdomain, `/people/${hire.json.id}`));
  await expect(page.getByRole('navigation', { name: 'Reports to' })).toHaveText(/CEO Person\s*›?\s*VP Person\s*›?\s*LEAD Person/);
  await expect(page.getByText('manager not in the directory yet')).toHaveCount(0);
});

test('provisioned values that carry markup or script URLs render inert', async ({ page }) => {
  const { tenant, tid } = await company();
  const evil = await tenant.scim.post('/Users', {
    schemas: [CORE],
    userName: 'evil@e2e.example',
    displayName: '<img src=x onerror="window.__xss=1">',
    title: '<script>window.__xss=2</script>',
    emails: [{ type: 'work', value: 'javascript:window.__xss=3' }],
    phoneNumbers: [{ type: 'work', value: 'javascript:window.__xss=4' }],
  });
  expect(evil.status).toBe(201);
  await signIn(page, tenant.subdomain, { tid, userName: 'dev1@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, `/people/${evil.json.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror="window.__xss=1">');
  await expect(page.locator('main img')).toHaveCount(0);
  for (const link of await page.getByRole('region', { name: 'Contact' }).getByRole('link').all()) {
    expect(await link.getAttribute('href')).not.toMatch(/^javascript:/i);
  }
  await page.goto(tenantUrl(tenant.subdomain, '/people'));
  await expect(page.getByRole('link', { name: '<img src=x onerror="window.__xss=1">' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
