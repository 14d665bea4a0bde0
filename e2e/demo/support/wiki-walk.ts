import { expect, type Page, type Response } from '@playwright/test';
import { demoUrl } from './demo-site';

// What a person does in the demo's browser, by the labels they see: the
// README's sign-in, the Admin Console's tutorial steps, and the wiki's pages.

/** page.goto that insists on a 200 (a 5xx page would otherwise still render something). */
async function open(page: Page, pathname: string): Promise<Response> {
  const response = await page.goto(demoUrl('acme', pathname));
  expect(response, `no response for ${pathname}`).not.toBeNull();
  expect(response!.status(), `${pathname} answered`).toBe(200);
  return response!;
}

/**
 * README: open acme, Login → Sign in with Microsoft → pick an Acme person on
 * the local identity provider's page. The provider lists a company's admins
 * first (tools/dev-idp/app-directories.ts), and the demo's admins are its CEO
 * and head of IT (tools/seed/seed-tenant.ts), so the first person listed is one;
 * the Admin Console check below holds us to it. Answers the person's name.
 */
export async function signInAsDemoAdmin(page: Page): Promise<string> {
  await page.goto(demoUrl('acme', '/'));
  await expect(page.getByRole('heading', { name: 'Sign in to Acme Corporation' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to your account' })).toBeVisible();
  const person = page.getByRole('region', { name: 'Acme Corporation' }).getByRole('button').first();
  // The button reads "Ada Lovelace ada.lovelace@acme.example".
  const name = ((await person.textContent()) ?? '').replace(/\s*\S+@\S+\s*$/, '').trim();
  expect(name, 'the first Acme person on the provider page').not.toBe('');
  await person.click();
  await expect(page).toHaveURL(demoUrl('acme', '/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Corporation home' })).toBeAttached();
  return name;
}

/** The avatar menu at the top right → Admin Console (only admins have it). Until the page has hydrated the menu's button does nothing. */
export async function openAdminConsole(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  // The avatar menu is the header's last menu (on a phone the sections menu comes first).
  const menu = nav.locator('button[aria-expanded]').last();
  const item = nav.getByRole('link', { name: 'Admin Console' });
  await expect(async () => {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    await expect(item).toBeVisible({ timeout: 500 });
  }).toPass();
  await item.click();
  await expect(page.getByRole('heading', { name: 'Admin Console' })).toBeVisible();
}

/** Admin Console → Settings: the Tenant URL an admin pastes into Entra. */
export async function readTenantUrl(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Admin Console' }).getByRole('link', { name: 'Settings' }).click();
  const field = page.getByLabel('Tenant URL');
  await expect(field).toBeVisible();
  return field.inputValue();
}

/** The people directory, then the profile of someone listed on it; answers their name. */
export async function browsePeople(page: Page): Promise<string> {
  await open(page, '/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  const listed = page.getByRole('list', { name: 'People' }).getByRole('link');
  // 50 to a page, and the demo company has 200 people.
  await expect(listed).toHaveCount(50);
  const someone = listed.nth(3);
  const name = ((await someone.textContent()) ?? '').trim();
  const profile = page.waitForResponse((r) => r.request().isNavigationRequest() && new URL(r.url()).pathname.startsWith('/people/'));
  await someone.click();
  expect((await profile).status(), `the profile of ${name}`).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return name;
}

/** The org chart opens at the signed-in person. */
export async function openOrgChart(page: Page, me: string): Promise<void> {
  await open(page, '/org');
  await expect(page.getByRole('heading', { level: 1, name: 'Org chart' })).toBeVisible();
  await expect(page.locator('[data-person][aria-current="true"]').getByRole('link')).toHaveText(me);
}

/** The home page's search box, as typed and submitted; `name` must be among the people found. */
export async function searchFor(page: Page, name: string): Promise<void> {
  await open(page, '/');
  const box = page.getByRole('search', { name: 'Everything' }).getByRole('searchbox');
  await box.fill(name);
  const results = page.waitForResponse((r) => r.request().isNavigationRequest() && new URL(r.url()).pathname === '/search');
  await box.press('Enter');
  expect((await results).status(), `searching for ${name}`).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name, exact: true }).first()).toBeVisible();
}

/**
 * A demo page in the rich editor: its markdown opens as headings and links, a
 * line typed and saved shows on the page; then a comment under it. The
 * handbook is one of the demo's seeded pages (tools/seed/demo-content.ts).
 */
export async function editAndCommentOnHandbook(page: Page): Promise<void> {
  await open(page, '/wiki/handbook/edit');
  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await expect(text).toBeEditable({ timeout: 15_000 });
  await expect(text.getByRole('link', { name: 'Onboarding checklist' })).toHaveAttribute('href', '/wiki/onboarding');
  await text.evaluate((element) => {
    // The caret to the end of the text, as a click below the last line puts it.
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await text.press('Enter');
  await text.pressSequentially('Written in the demo.');
  await page.getByRole('button', { name: 'Save' }).press('Enter');
  const article = page.getByRole('region', { name: 'Page text' });
  await expect(article).toContainText('Written in the demo.');
  await expect(article.getByRole('link', { name: 'Onboarding checklist' })).toHaveAttribute('href', '/wiki/onboarding');

  const comments = page.getByRole('region', { name: 'Comments' });
  await comments.getByRole('textbox', { name: 'New comment' }).fill('Looks right to me.');
  await comments.getByRole('button', { name: 'Comment' }).press('Enter');
  await expect(comments.getByRole('listitem', { name: /^Comment by / })).toContainText('Looks right to me.');
}
