import type { Page } from '@playwright/test';
import { makeAdmin } from '../support/scim-fixtures';
import { expect, test } from '../support/test';
import { richText, wikiCompany, writePage } from './wiki-fixtures';

// Comments on a page, as two colleagues use them, with the bell telling the
// owner and the person mentioned; and templates, as an admin keeps them and a
// colleague starts a page from one.

test.describe.configure({ timeout: 120_000 });

const bell = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Notifications/ });

test('comments: a thread, a reply with a mention, edit and delete one’s own, resolve and reopen; the owner and the mentioned hear of it', async ({
  page,
  browser,
}) => {
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  await writePage(page, company, 'Deploys', 'Friday afternoons are fine.');

  const pat = await browser.newPage();
  await company.enter(pat, 'pat', '/wiki/deploys');
  const comments = pat.getByRole('region', { name: 'Comments' });
  await expect(comments.getByText('No open comments.')).toBeVisible();
  const box = comments.getByRole('textbox', { name: 'New comment' });
  await comments.getByRole('button', { name: 'Comment' }).press('Enter');
  await expect(comments.getByText('Write something first.')).toBeVisible();
  await box.fill('Are they? Last time **nobody** was around.');
  await comments.getByRole('button', { name: 'Comment' }).press('Enter');
  const thread = comments.getByRole('article', { name: 'Thread started by PAT Person' });
  await expect(thread.getByText('nobody')).toHaveJSProperty('tagName', 'STRONG');
  await expect(box).toHaveValue('');

  // Dev, the owner, hears of it; replies mentioning Lead through the @-picker.
  await page.goto(company.url('/'));
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await page.goto(company.url('/wiki/deploys'));
  const devThread = page.getByRole('region', { name: 'Comments' }).getByRole('article', { name: 'Thread started by PAT Person' });
  await devThread.getByRole('button', { name: 'Reply' }).click();
  const reply = devThread.getByRole('textbox', { name: 'Your reply' });
  await reply.pressSequentially('Fair. Asking @lead');
  await expect(page.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: /LEAD Person/ })).toBeVisible();
  await reply.press('Enter');
  await reply.pressSequentially(' to decide.');
  await devThread.getByRole('button', { name: 'Reply', exact: true }).press('Enter');
  await expect(devThread.getByRole('listitem', { name: 'Comment by DEV Person' })).toContainText('Fair. Asking @LEAD Person to decide.');
  await expect(devThread.getByRole('link', { name: '@LEAD Person' })).toHaveAttribute('href', `/people/${company.ids.lead}`);

  // Pat edits their comment (only theirs has Edit), then deletes it: the reply keeps its place.
  await pat.reload();
  const mine = thread.getByRole('listitem', { name: 'Comment by PAT Person' });
  await expect(thread.getByRole('listitem', { name: 'Comment by DEV Person' }).getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByRole('textbox', { name: 'Edit your comment' }).fill('Are they? Last time nobody was around at all.');
  await mine.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(mine).toContainText('at all.');
  await expect(mine).toContainText('edited');
  pat.once('dialog', (dialog) => dialog.accept());
  await mine.getByRole('button', { name: 'Delete' }).press('Enter');
  await expect(mine).toContainText('This comment was deleted.');
  await expect(thread.getByRole('listitem', { name: 'Comment by DEV Person' })).toBeVisible();

  // Resolving folds the thread away; reopening brings it back.
  await thread.getByRole('button', { name: 'Resolve' }).press('Enter');
  await expect(comments.getByText('No open comments.')).toBeVisible();
  await comments.getByText('1 resolved thread').click();
  await expect(thread).toContainText('Resolved by PAT Person');
  await thread.getByRole('button', { name: 'Reopen' }).press('Enter');
  await expect(comments.getByText('No open comments.')).toBeHidden();

  // Lead was mentioned in a comment: the bell says so and leads to the comments.
  const lead = await browser.newPage();
  await company.enter(lead, 'lead', '/');
  await expect(bell(lead)).toHaveAccessibleName('Notifications, 1 unread');
  await bell(lead).click();
  await lead
    .getByRole('region', { name: 'Notifications' })
    .getByRole('link', { name: /DEV Person mentioned you on Deploys/ })
    .click();
  await expect(lead).toHaveURL(company.url('/wiki/deploys'));
});

test('templates: an admin writes one; a colleague starts a page from it', async ({ page, browser }) => {
  const company = await wikiCompany();
  await makeAdmin(company.tenant.subdomain, 'lead@e2e.example');
  await company.enter(page, 'lead', '/admin/settings/templates');
  const table = page.getByRole('table', { name: 'Page templates' });
  await expect(table.getByRole('rowheader')).toHaveText(['Meeting notes', 'Onboarding checklist', 'Team page']);

  await page.getByRole('link', { name: 'New template' }).click();
  await page.getByLabel('Name').fill('Incident review');
  await page.getByLabel('What it is for').fill('What happened, and what we change.');
  const text = await richText(page);
  await text.click();
  await text.pressSequentially('## Timeline');
  await text.press('Enter');
  await text.pressSequentially('## What we change');
  await page.getByRole('button', { name: 'Add template' }).press('Enter');
  await expect(page.getByRole('status')).toHaveText('Template saved.');
  await expect(table.getByRole('rowheader')).toHaveText(['Incident review', 'Meeting notes', 'Onboarding checklist', 'Team page']);
  // A second of the same name is refused in words, keeping what was typed.
  await page.getByRole('link', { name: 'New template' }).click();
  await page.getByLabel('Name').fill('Meeting notes');
  await page.getByRole('button', { name: 'Add template' }).press('Enter');
  await expect(page.getByText('There is already a template called "Meeting notes".')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Meeting notes');
  await page.goto(company.url('/admin/settings/templates'));
  page.once('dialog', (dialog) => dialog.accept());
  await table
    .getByRole('row', { name: /Team page/ })
    .getByRole('button', { name: 'Delete' })
    .press('Enter');
  await expect(table.getByRole('rowheader')).toHaveText(['Incident review', 'Meeting notes', 'Onboarding checklist']);

  // Pat, a member, starts a page from it.
  const pat = await browser.newPage();
  await company.enter(pat, 'pat', '/wiki/new');
  const start = pat.getByRole('navigation', { name: 'Start from' });
  await expect(start.getByRole('link')).toHaveText(['A blank page', 'Incident review', 'Meeting notes', 'Onboarding checklist']);
  await start.getByRole('link', { name: 'Incident review' }).click();
  await expect(start.getByRole('link', { name: 'Incident review' })).toHaveAttribute('aria-current', 'page');
  const body = await richText(pat);
  await expect(body.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await pat.getByLabel('Title').fill('Outage on Monday');
  await pat.getByRole('button', { name: 'Create page' }).press('Enter');
  await expect(pat.getByRole('region', { name: 'Page text' }).getByRole('heading', { name: 'What we change' })).toBeVisible();
  // Members do not manage templates.
  expect((await pat.goto(company.url('/admin/settings/templates')))?.status()).toBe(403);
});
