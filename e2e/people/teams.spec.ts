import { randomUUID } from 'node:crypto';
import { createScimTenant, makeAdmin } from '../support/scim-fixtures';
import { signIn } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// Teams are the SCIM groups: members as provisioned, each with their manager; admins describe them.

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

test('a team page lists its members and their managers; only admins write its description', async ({ page, browser }) => {
  const tid = randomUUID();
  const tenant = await createScimTenant(tid);
  const boss = (await tenant.scim.post('/Users', { schemas: [CORE], userName: 'boss@e2e.example', externalId: randomUUID(), displayName: 'Bo Boss' })).json.id;
  const ids: string[] = [];
  for (const name of ['Ada', 'Grace']) {
    const created = await tenant.scim.post('/Users', {
      schemas: [CORE, ENTERPRISE],
      userName: `${name.toLowerCase()}@e2e.example`,
      externalId: randomUUID(),
      displayName: `${name} Dev`,
      title: 'Engineer',
      [ENTERPRISE]: { manager: boss },
    });
    ids.push(created.json.id);
  }
  const team = await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'Platform', members: ids.map((value) => ({ value })) });
  expect(team.status).toBe(201);
  await makeAdmin(tenant.subdomain, 'boss@e2e.example');

  await signIn(page, tenant.subdomain, { tid, userName: 'ada@e2e.example' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  await expect(page.getByRole('list', { name: 'Teams' }).getByRole('listitem')).toHaveText(/^Platform\s*2 members/);
  await page.getByRole('link', { name: 'Platform' }).click();
  const members = page.getByRole('list', { name: 'Members' }).getByRole('listitem');
  await expect(members).toHaveCount(2);
  await expect(members.first()).toContainText('Ada Dev');
  await expect(members.first()).toContainText('Manager: Bo Boss');
  await expect(page.getByLabel('Description')).toHaveCount(0); // a member reads, does not write

  const admin = await browser.newPage();
  await signIn(admin, tenant.subdomain, { tid, userName: 'boss@e2e.example' });
  await admin.goto(tenantUrl(tenant.subdomain, `/teams/${team.json.id}`));
  await admin.getByLabel('Description').fill('Builds the paved road.');
  await admin.getByRole('button', { name: 'Save description' }).click();
  await expect(admin.getByText('Saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByText('Builds the paved road.')).toBeVisible();
  // Provisioning keeps the members: a removal over SCIM shows at once.
  await tenant.scim.patch(`/Groups/${team.json.id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'remove', path: `members[value eq "${ids[1]}"]` }],
  });
  await page.reload();
  await expect(members).toHaveCount(1);
  expect((await page.goto(tenantUrl(tenant.subdomain, `/teams/${randomUUID()}`)))?.status()).toBe(404);
});
