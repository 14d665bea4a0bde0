import type { Page } from '@playwright/test';
import { richText, wikiCompany, writePage } from './wiki-fixtures';
import { expect, test } from '../support/test';

// The bell in the header: a mention, a change to one's page by someone else,
// reading them, marking all read, and the opt-in digest, in a real browser.

test.describe.configure({ timeout: 90_000 });

const bell = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Notifications/ });
const panel = (page: Page) => page.getByRole('region', { name: 'Notifications' });

/** Opens the bell; until the page has hydrated its button does nothing, so it presses until the list shows. */
async function openBell(page: Page): Promise<void> {
  await expect(async () => {
    if ((await bell(page).getAttribute('aria-expanded')) !== 'true') await bell(page).click();
    await expect(panel(page).getByRole('checkbox', { name: 'Email me a daily digest' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test('a mention and a change by someone else ring the bell; reading the page and "Mark all as read" quiet it; the digest is opt-in', async ({
  page,
  browser,
}) => {
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  await writePage(page, company, 'Standup', `Ask [@PAT Person](/people/${company.ids.pat}) first.`);

  const pat = await browser.newPage();
  await company.enter(pat, 'pat', '/');
  await expect(bell(pat)).toHaveAccessibleName('Notifications, 1 unread');
  await openBell(pat);
  const item = panel(pat).getByRole('link', { name: /DEV Person mentioned you on Standup/ });
  await expect(item).toContainText(/just now|minute/);
  await expect(item.getByRole('img', { name: 'Unread' })).toBeVisible();
  await item.click();
  await expect(pat).toHaveURL(company.url('/wiki/standup'));
  // The header stays through the navigation; the bell counts again once the page is read.
  await expect(bell(pat)).toHaveAccessibleName('Notifications');
  await pat.reload();
  await expect(bell(pat)).toHaveAccessibleName('Notifications');

  // Pat edits Dev's page: Dev hears of it, once for two edits while unread.
  for (const text of ['Ask Pat first, then Lead.', 'Ask Pat first, then Lead, then Ceo.']) {
    await pat.goto(company.url('/wiki/standup/edit'));
    const body = await richText(pat);
    await body.fill(text);
    await expect(body).toHaveText(text);
    await pat.getByRole('button', { name: 'Save' }).press('Enter');
    await expect(pat.getByRole('region', { name: 'Page text' })).toContainText(text);
  }
  await page.goto(company.url('/'));
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await openBell(page);
  await expect(panel(page).getByRole('link')).toHaveText([/PAT Person changed Standup, which you own/]);
  await panel(page).getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await expect(panel(page).getByRole('img', { name: 'Unread' })).toHaveCount(0);

  const digest = panel(page).getByRole('checkbox', { name: 'Email me a daily digest' });
  await expect(digest).not.toBeChecked();
  await digest.check();
  await page.reload();
  await openBell(page);
  await expect(panel(page).getByRole('checkbox', { name: 'Email me a daily digest' })).toBeChecked();
});
