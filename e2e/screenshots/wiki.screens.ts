import { openSearchBox } from '../support/search-box';
import { signInToDemo } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { test } from '../support/test';

// `npm run screenshots`: the README's pictures of what employees use, taken
// from the real app (the demo company, signed in as its first person).

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await signInToDemo(page);
});

test('the directory, searched and filtered', async ({ page }) => {
  await page.goto(tenantUrl('acme', '/people?department=Engineering'));
  await page.getByRole('list', { name: 'People' }).waitFor();
  await page.screenshot({ path: 'docs/screenshots/directory.png' });
});

test('a profile', async ({ page }) => {
  await page.goto(tenantUrl('acme', '/people?department=Engineering'));
  await page.getByRole('list', { name: 'People' }).getByRole('link').nth(2).click();
  await page.getByRole('navigation', { name: 'Reports to' }).waitFor();
  await page.screenshot({ path: 'docs/screenshots/profile.png', fullPage: true });
});

test('the search box', async ({ page }) => {
  await (await openSearchBox(page)).fill('engineering');
  await page.getByRole('option').first().waitFor();
  await page.screenshot({ path: 'docs/screenshots/search.png' });
});

test('the org chart, opened at someone with a team expanded', async ({ page }) => {
  await page.goto(tenantUrl('acme', '/people?department=Engineering'));
  await page.getByRole('list', { name: 'People' }).getByRole('link').nth(2).click();
  await page.getByRole('link', { name: 'Show in the org chart' }).click();
  await page.locator('[data-person][aria-current="true"]').waitFor();
  const expand = page.getByRole('button', { name: /^Reports of /, expanded: false }).first();
  if (await expand.count()) {
    await expand.click();
    await page
      .getByRole('button', { name: /^Reports of /, expanded: true })
      .last()
      .waitFor();
  }
  await page.screenshot({ path: 'docs/screenshots/org-chart.png' });
});

test('a wiki page', async ({ page }) => {
  await page.goto(tenantUrl('acme', '/wiki/handbook'));
  await page.getByRole('region', { name: 'Page text' }).waitFor();
  await page.screenshot({ path: 'docs/screenshots/wiki-page.png' });
});
