import { wikiCompany, writePage } from './wiki-fixtures';
import { expect, test } from '../support/test';

// When Entra deactivates someone, their pages say so and suggest their
// manager as the new owner; with the manager gone too, someone chooses.

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const deactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] };

// Long journeys through real sign-in and many pages; the machine is shared.
test.describe.configure({ timeout: 90_000 });

test('a page whose owner is deactivated over SCIM is flagged, and their manager can be made the owner', async ({ page, browser }) => {
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  await writePage(page, company, 'Build Farm', 'Machines and how to reach them.');
  await writePage(page, company, 'Pager Duty', 'Who is on call.');
  await expect(page.getByRole('region', { name: 'Owner left' })).toHaveCount(0);

  expect((await company.tenant.scim.patch(`/Users/${company.ids.dev}`, deactivate)).status).toBe(200);

  const colleague = await browser.newPage();
  await company.enter(colleague, 'pat');
  await expect(colleague.getByRole('list', { name: 'Pages whose owner left' }).getByRole('listitem')).toHaveText([
    /Build Farm · was DEV Person's/,
    /Pager Duty/,
  ]);
  await colleague.getByRole('list', { name: 'Pages whose owner left' }).getByRole('link', { name: 'Build Farm' }).press('Enter');
  const banner = colleague.getByRole('region', { name: 'Owner left' });
  await expect(banner).toContainText('DEV Person, who owned this page, has left the company. LEAD Person was their manager.');
  await banner.getByRole('button', { name: 'Make LEAD Person the owner' }).press('Enter');
  // The page reads afresh: the banner goes, the new owner shows.
  await expect(colleague.getByText('Owner: LEAD Person')).toBeVisible();
  await expect(banner).toHaveCount(0);

  // The manager has left too: nobody is suggested, and someone is chosen by email.
  expect((await company.tenant.scim.patch(`/Users/${company.ids.lead}`, deactivate)).status).toBe(200);
  await colleague.goto(company.url('/wiki/pager-duty'));
  await expect(banner).toContainText('Choose someone to look after it.');
  await expect(banner.getByRole('button', { name: /^Make / })).toHaveCount(0);
  await banner.getByLabel('New owner (work email or user name)').fill('nobody@e2e.example');
  await banner.getByRole('button', { name: 'Change owner' }).press('Enter');
  await expect(banner.getByText('Nobody active here has the email or user name "nobody@e2e.example".')).toBeVisible();
  await banner.getByLabel('New owner (work email or user name)').fill('ceo@e2e.example');
  await banner.getByRole('button', { name: 'Change owner' }).press('Enter');
  await expect(colleague.getByText('Owner: CEO Person')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await colleague.goto(company.url(`/people/${company.ids.ceo}`));
  await expect(colleague.getByRole('list', { name: 'Pages they own' }).getByRole('link')).toHaveText(['Pager Duty']);
});
