import type { BrowserContext, Page } from '@playwright/test';
import { E2E_PORT, E2E_ROOT } from '../../playwright.config';
import { SESSION_COOKIE } from '../../lib/auth/tenant-session';
import { httpRequest } from '../support/http';
import { pickAccount, signIn, startSignIn, userMenu } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';
import { expectHome, provisionedTenant } from './provisioned-tenant';

// Sessions and sign-in under attack: planted cookies, a tampered nonce or a
// missing state, hostile redirect targets, and where the cookies may go.

const ROOT_HOST = E2E_ROOT.split(':')[0];

async function sessionCookie(context: BrowserContext, subdomain: string) {
  return (await context.cookies(tenantUrl(subdomain, '/'))).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** The name in the user menu: who this browser is signed in as. */
const signedInAs = (page: Page) => userMenu(page);

async function expectSignInFailed(page: Page, subdomain: string) {
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/Microsoft sign-in did not complete/);
  await page.goto(tenantUrl(subdomain, '/'));
  await expect(page).toHaveURL(tenantUrl(subdomain, '/login'));
}

test('session fixation: a planted session cookie, even a valid one of someone else, is replaced at sign-in', async ({ page, browser }) => {
  const { tenant, tid } = await provisionedTenant('lee@e2e.example', 'mallory@e2e.example');
  // Mallory signs in in her own browser and keeps her session cookie.
  const mallory = await browser.newContext();
  const malloryPage = await mallory.newPage();
  await signIn(malloryPage, tenant.subdomain, { tid, userName: 'mallory@e2e.example' });
  await expectHome(malloryPage, tenant.subdomain);
  const planted = (await sessionCookie(mallory, tenant.subdomain))!;

  // She plants it in Lee's browser, who then signs in as himself (from the
  // tenant's sign-in entry: its /login page would already show him in as Mallory).
  await page.context().addCookies([{ ...planted, sameSite: 'Lax' }]);
  await page.goto(tenantUrl(tenant.subdomain, '/auth/start'));
  await pickAccount(page, { tid, userName: 'lee@e2e.example' });
  await expectHome(page, tenant.subdomain);
  const lees = (await sessionCookie(page.context(), tenant.subdomain))!;
  expect(lees.value).not.toBe(planted.value);

  // Mallory's session is still Mallory's: nothing Lee did lent it his identity.
  await malloryPage.goto(tenantUrl(tenant.subdomain, '/'));
  await expect(signedInAs(malloryPage)).toHaveText(/mallory$/);
  await expect(signedInAs(page)).toHaveText(/lee$/);

  // A made-up value is no session at all, and sign-in replaces it too.
  const fresh = await browser.newContext();
  await fresh.addCookies([
    { name: SESSION_COOKIE, value: 'A'.repeat(43), domain: `${tenant.subdomain}.${ROOT_HOST}`, path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const freshPage = await fresh.newPage();
  await freshPage.goto(tenantUrl(tenant.subdomain, '/'));
  await expect(freshPage).toHaveURL(tenantUrl(tenant.subdomain, '/login'));
  await mallory.close();
  await fresh.close();
});

test('a tampered nonce or a missing state signs nobody in', async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('lee@e2e.example');
  // The provider puts the request's nonce in the ID token; one that is not the app's own is refused.
  await startSignIn(page, tenant.subdomain);
  // Each refusal is a warning in the server log, never an error (lib/auth/auth-log.ts): the log guard checks it.
  await page.locator('form:has(#user) input[name="nonce"]').evaluate((input: HTMLInputElement) => (input.value = `${input.value}x`));
  await pickAccount(page, { tid, userName: 'lee@e2e.example' });
  await expectSignInFailed(page, tenant.subdomain);

  await startSignIn(page, tenant.subdomain);
  await page.locator('form:has(#user) input[name="state"]').evaluate((input: HTMLInputElement) => input.remove());
  await pickAccount(page, { tid, userName: 'lee@e2e.example' });
  await expectSignInFailed(page, tenant.subdomain);

  // Still fine the honest way.
  await signIn(page, tenant.subdomain, { tid, userName: 'lee@e2e.example' });
  await expectHome(page, tenant.subdomain);
});

test("the session cookie is the tenant host's alone: no Domain, HttpOnly, SameSite=Lax, and sign-in hands it over only there", async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('lee@e2e.example');
  const setCookies: string[] = [];
  page.on('response', async (response) => {
    const header = (await response.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
    setCookies.push(...header.flatMap((value) => value.split('\n')));
  });
  await signIn(page, tenant.subdomain, { tid, userName: 'lee@e2e.example' });
  await expectHome(page, tenant.subdomain);
  const cookie = (await sessionCookie(page.context(), tenant.subdomain))!;
  expect(cookie).toMatchObject({ domain: `${tenant.subdomain}.${ROOT_HOST}`, path: '/', httpOnly: true, sameSite: 'Lax' });
  // No cookie of ours names a Domain: each stays on the host that set it (apex or tenant), never on siblings.
  expect(setCookies.length).toBeGreaterThan(0);
  expect(setCookies.filter((value) => /;\s*domain=/i.test(value))).toEqual([]);
  // Neither the apex nor another tenant's host receives it.
  const everywhere = await page.context().cookies([`http://${E2E_ROOT}/`, tenantUrl('acme', '/')]);
  expect(everywhere.map((c) => c.name)).not.toContain(SESSION_COOKIE);
});

const HOSTILE_TARGETS = [
  'https://evil.example/',
  '//evil.example/',
  '/\\evil.example/',
  'javascript:alert(1)',
  'http://evil.example@localhost/',
  `http://${ROOT_HOST}.evil.example/`,
];

test('no sign-in or sign-out address redirects off the product, whatever target it is handed', async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('lee@e2e.example');
  const apex = `http://${E2E_ROOT}`;
  const ours = (location: string, base: string): boolean => {
    const url = new URL(location, base);
    // Starting a sign-in goes to the identity provider (Microsoft's stand-in), which may only send the browser back to us.
    if (url.origin === `http://localhost:${E2E_PORT + 1}` && url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      return ours(url.searchParams.get('redirect_uri') ?? 'https://evil.example/', base);
    }
    return url.protocol === 'http:' && (url.host === E2E_ROOT || url.host.endsWith(`.${E2E_ROOT}`)) && url.username === '';
  };
  const offsite: string[] = [];
  // Auth.js refuses a GET of a provider's sign-in (it takes a POST) and a javascript: callback URL: warnings, not errors.
  for (const target of HOSTILE_TARGETS) {
    const q = encodeURIComponent(target);
    const addresses = [
      `${apex}/login?tenant=${q}`,
      `${apex}/auth/microsoft?tenant=${q}`,
      `${apex}/login?callbackUrl=${q}`,
      `${apex}/auth/continue?tenant=${q}`,
      `${apex}/api/auth/signin?callbackUrl=${q}`,
      `${apex}/api/auth/signin/microsoft-entra-id?callbackUrl=${q}`,
      `${apex}/api/auth/signout?callbackUrl=${q}`,
      tenantUrl(tenant.subdomain, `/login?returnTo=${q}`),
      tenantUrl(tenant.subdomain, `/auth/start?resume=1&tenant=${q}`),
      tenantUrl(tenant.subdomain, `/auth/enter?ticket=${q}`),
    ];
    for (const address of addresses) {
      const url = new URL(address);
      // Node cannot resolve *.localhost: to 127.0.0.1 with the site in the Host header.
      const response = await httpRequest({ port: E2E_PORT, host: url.host, path: url.pathname + url.search });
      expect(response.status, address).toBeLessThan(500);
      const location = response.headers.location;
      if (location && !ours(location, address)) offsite.push(`${address} → ${location}`);
    }
  }
  expect(offsite).toEqual([]);

  // Auth.js keeps a callback URL in a cookie: planted on the apex, it still cannot send anyone away.
  await page.context().addCookies([{ name: 'authjs.callback-url', value: 'https://evil.example/', domain: ROOT_HOST, path: '/' }]);
  await signIn(page, tenant.subdomain, { tid, userName: 'lee@e2e.example' });
  await expectHome(page, tenant.subdomain);
});
