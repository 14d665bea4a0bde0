import { markdownMode, richText, wikiCompany, writePage } from './wiki-fixtures';
import { expect, test } from '../support/test';

// Writing the wiki end to end: a page written as markdown with a mention,
// editing with the live preview, history and restore, the Trash, and two
// editors at once. The rich editor's own journey is editor.spec.ts.

// Long journeys through real sign-in and many pages; the machine is shared.
test.describe.configure({ timeout: 90_000 });

test('a page that mentions someone is listed on their profile; the editor previews live; history diffs and restores', async ({ page }) => {
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  await expect(page.getByText('No pages yet.')).toBeVisible();

  // The @-picker: "@pat" lists PAT Person (from GET /api/search), Enter writes the mention link.
  await page.goto(company.url('/wiki/new'));
  const text = await markdownMode(page);
  await page.getByLabel('Title').fill('Release Process');
  await text.fill('# How we ship\n\nAsk ');
  await text.pressSequentially('@pat');
  await expect(page.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: /PAT Person/ })).toBeVisible();
  await text.press('Enter');
  await expect(text).toHaveValue(`# How we ship\n\nAsk [@PAT Person](/people/${company.ids.pat})`);
  await expect(page.getByRole('listbox', { name: 'People to mention' })).toBeHidden();
  await text.pressSequentially(' before a release.');
  await text.pressSequentially(' @zzz');
  await expect(page.getByText('Nobody matches “zzz”.')).toBeVisible();
  await text.press('Escape');
  await expect(page.getByText('Nobody matches “zzz”.')).toBeHidden();
  await page.getByRole('button', { name: 'Create page' }).press('Enter');
  await expect(page).toHaveURL(company.url('/wiki/release-process'));
  const mention = page.getByRole('region', { name: 'Page text' }).getByRole('link', { name: '@PAT Person' });
  await expect(mention).toHaveAttribute('href', `/people/${company.ids.pat}`);
  await expect(page.getByText('Owner: DEV Person')).toBeVisible();

  await mention.press('Enter');
  await expect(page.getByRole('list', { name: 'Pages that mention them' }).getByRole('link')).toHaveText(['Release Process']);
  await page.goto(company.url(`/people/${company.ids.dev}`));
  await expect(page.getByRole('list', { name: 'Pages they own' }).getByRole('link')).toHaveText(['Release Process']);

  // Editing: the preview follows the text before anything is saved.
  await page.goto(company.url('/wiki/release-process/edit'));
  const source = await markdownMode(page);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'How we ship' })).toBeVisible();
  await source.fill('# How we ship\n\nTag the build, then tell **everyone**.');
  await expect(preview.getByText('everyone')).toHaveJSProperty('tagName', 'STRONG');
  await expect(preview.getByRole('link', { name: '@PAT Person' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Page text' })).toContainText('Tag the build');

  // The mention went with the text.
  await page.goto(company.url(`/people/${company.ids.pat}`));
  await expect(page.getByText('No page mentions them yet.')).toBeVisible();

  await page.goto(company.url('/wiki/release-process/history'));
  await expect(page.getByRole('list', { name: 'Revisions' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('link', { name: 'Revision 2' }).press('Enter');
  const diff = page.getByRole('table');
  await expect(diff).toContainText('Changes from revision 1 to revision 2: 1 line added, 1 removed');
  await expect(diff.getByRole('row').filter({ hasText: 'Tag the build' })).toContainText('Added');
  await expect(diff.getByRole('row').filter({ hasText: 'Ask [@PAT Person]' })).toContainText('Removed');
  await expect(page.getByText('This is the current revision.')).toBeVisible();

  await page.goto(company.url('/wiki/release-process/history/1'));
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Restore this revision' }).press('Enter');
  await expect(page).toHaveURL(company.url('/wiki/release-process'));
  await expect(page.getByRole('region', { name: 'Page text' })).toContainText('before a release');
  await page.goto(company.url('/wiki/release-process/history'));
  await expect(page.getByRole('list', { name: 'Revisions' }).getByRole('listitem')).toHaveCount(3);

  expect((await page.goto(company.url('/wiki/no-such-page')))?.status()).toBe(404);
  expect((await page.goto(company.url('/wiki/release-process/history/9')))?.status()).toBe(404);
});

test('a page with pages under it is not deleted; a deleted page waits in the Trash and comes back', async ({ page }) => {
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  await writePage(page, company, 'Team Handbook', 'All about us.');
  await page.getByRole('link', { name: 'New page under this one' }).press('Enter');
  await expect(page.getByLabel('Parent page')).toHaveValue('team-handbook');
  await page.getByLabel('Title').fill('Holidays');
  await (await richText(page)).fill('Book early.');
  await page.getByRole('button', { name: 'Create page' }).press('Enter');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Team Handbook');

  await page.goto(company.url('/wiki/team-handbook'));
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete' }).press('Enter');
  await expect(page.getByText('"Team Handbook" has pages under it ("Holidays"). Move or delete them first.')).toBeVisible();

  await page.goto(company.url('/wiki/holidays'));
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete' }).press('Enter');
  await expect(page).toHaveURL(company.url('/wiki?deleted=1'));
  const trash = page.getByRole('list', { name: 'Trash' });
  await expect(trash).toContainText('Holidays');
  await expect(page.getByRole('list', { name: 'Page tree' })).not.toContainText('Holidays');
  expect((await page.goto(company.url('/wiki/holidays')))?.status()).toBe(404);

  await page.goto(company.url('/wiki'));
  await trash.getByRole('button', { name: 'Restore “Holidays”' }).press('Enter');
  await expect(page).toHaveURL(company.url('/wiki/holidays?restored=yes'));
  await expect(page.getByRole('status')).toHaveText('Restored from the Trash.');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Team Handbook');
  await page.goto(company.url('/wiki'));
  await expect(page.getByText('The Trash is empty.')).toBeVisible();
});

test('of two people editing the same page, the second is told and keeps their text', async ({ page, browser }) => {
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  await writePage(page, company, 'Standup', 'Daily at ten.');
  const colleague = await browser.newPage();
  await company.enter(colleague, 'pat', '/wiki/standup/edit');
  await page.goto(company.url('/wiki/standup/edit'));

  await (await richText(page)).fill('Daily at half past nine.');
  await page.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Page text' })).toContainText('half past nine');

  const mine = 'Daily at eleven, on Fridays never.';
  const theirs = await richText(colleague);
  await theirs.fill(mine);
  await colleague.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(colleague.getByText(/Someone else saved this page while you were editing/)).toBeVisible();
  await expect(theirs).toHaveText(mine);
  // What the other person changed, beside the text being kept.
  const changes = colleague.getByRole('link', { name: 'See what changed (opens in a new tab)' });
  await expect(changes).toHaveAttribute('href', '/wiki/standup/history/2');
  await expect(changes).toHaveAttribute('target', '_blank');
  await colleague.reload();
  await expect(await richText(colleague)).toHaveText('Daily at half past nine.');

  // Bad input is answered in words, before and after a round trip.
  await colleague.getByLabel('Address').fill('Not A Slug');
  await colleague.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(colleague.getByText(/An address uses lowercase letters, digits and single hyphens/)).toBeVisible();
  await colleague.getByLabel('Address').fill('standup');
  await colleague.getByLabel('Title').fill('');
  await colleague.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(colleague.getByText('Give the page a title.')).toBeVisible();
});
