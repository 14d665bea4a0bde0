import { expect, type Cookie, type Page } from '@playwright/test';
import { tenantUrl } from './sites';

// Signing in through the real pages: the tenant's Login, the apex's "Sign in
// with Microsoft", and the local identity provider's account picker (its
// "someone else" form, which names any person of any directory it knows).

export interface Person {
  tid: string;
  userName: string;
  name?: string;
  /** An account without a mailbox: its token carries no email. */
  noMailbox?: boolean;
  /** A Global Administrator of the directory (the `wids` claim). */
  directoryAdmin?: boolean;
  /** A B2B guest from another organization. */
  guest?: boolean;
  /** Have the provider send an ID token Entra never would (tools/dev-idp/login-page.ts). */
  tamper?: 'foreign_issuer' | 'unknown_key' | 'other_audience';
}

/** On the identity provider's page: signs in as `who`. */
export async function pickAccount(page: Page, who: Person): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to your account' })).toBeVisible();
  await page.getByLabel('Directory', { exact: true }).selectOption(who.tid);
  await page.getByLabel('User name', { exact: true }).fill(who.userName);
  if (who.name) await page.getByLabel('Display name', { exact: true }).fill(who.name);
  if (who.noMailbox) await page.getByLabel(/Has a mailbox/).uncheck();
  if (who.directoryAdmin) await page.getByLabel(/Global Administrator of the directory/).check();
  if (who.guest) await page.getByLabel(/A guest \(B2B\)/).check();
  if (who.tamper) await page.getByLabel(/Tamper with the ID token/).selectOption(who.tamper);
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
}

/** From a tenant's sign-in page to the identity provider: one press. */
export async function startSignIn(page: Page, subdomain: string): Promise<void> {
  await page.goto(tenantUrl(subdomain, '/login'));
  await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
}

export async function signIn(page: Page, subdomain: string, who: Person): Promise<void> {
  await startSignIn(page, subdomain);
  await pickAccount(page, who);
}

/** The signed-in home page's heading (read by screen readers; the page opens with its search box). */
export const homeHeading = (page: Page) => page.getByRole('heading', { level: 1, name: / home$/ });

/** Signs in to the demo company as the first person the provider lists; answers their name. */
export async function signInToDemo(page: Page): Promise<string> {
  await startSignIn(page, 'acme');
  const person = page.getByRole('region', { name: 'Acme Corporation' }).getByRole('button').first();
  const name = ((await person.textContent()) ?? '').replace(/\s*\S+@\S+\s*$/, '').trim();
  await person.click();
  await expect(page).toHaveURL(tenantUrl('acme', '/'));
  return name;
}

/** Opens the demo company's home page in the worker's demo session (e2e/support/test.ts); answers who is signed in. */
export async function enterDemo(page: Page, session: { cookies: Cookie[]; name: string }): Promise<string> {
  await page.context().addCookies(session.cookies);
  await page.goto(tenantUrl('acme', '/'));
  await expect(homeHeading(page)).toBeAttached();
  return session.name;
}

/** The user avatar menu's button at the top right; its text ends with the signed-in person's name. */
export const userMenu = (page: Page) => page.getByRole('navigation', { name: 'Main' }).locator('button[aria-expanded]').last();

/** Opens the user avatar menu. Until the page has hydrated its button does nothing, so it presses until the menu shows. */
export async function showUserMenu(page: Page): Promise<void> {
  const button = userMenu(page);
  const signOut = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' });
  await expect(async () => {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(signOut).toBeVisible({ timeout: 500 });
  }).toPass();
}

/** Opens the user avatar menu at the top right and picks `item` (Admin Console, Sign out). */
export async function openUserMenu(page: Page, item: 'Admin Console' | 'My profile' | 'Sign out'): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await showUserMenu(page);
  await (item === 'Sign out' ? nav.getByRole('button', { name: item }) : nav.getByRole('link', { name: item })).click();
}
