import { devices, type Page } from '@playwright/test';
import { STATIC_DIRECTORIES } from '../../lib/dev-idp/directories';
import { LAYOUT_RULES, seriousViolations } from '../support/axe';
import { homeHeading, openUserMenu, pickAccount, signIn, signInToDemo, startSignIn } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';
import { expectHome, provisionedTenant } from './provisioned-tenant';

// Signing in with Microsoft through the local identity provider, which signs
// tokens exactly as Entra does (per-directory issuer, tid, oid, nonce, PKCE).

const [CONTOSO, FABRIKAM] = STATIC_DIRECTORIES;
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

async function expectRefused(page: Page, subdomain: string, reason: RegExp) {
  await expect(page).toHaveURL(new RegExp(`^${tenantUrl(subdomain, '/login').replace(/[.?]/g, '\\$&')}`));
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(reason);
  expect((await page.goto(tenantUrl(subdomain, '/')))?.url()).toBe(tenantUrl(subdomain, '/login'));
}

test('a provisioned employee signs in, sees the directory, and signs out', async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('pat.lee@e2e.example');
  await signIn(page, tenant.subdomain, { tid, userName: 'PAT.LEE@e2e.example' });
  await expectHome(page, tenant.subdomain);
  const main = page.getByRole('navigation', { name: 'Main' });
  await expect(main.getByText('pat.lee')).toBeVisible();

  await openUserMenu(page, 'Sign out');
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto(tenantUrl(tenant.subdomain, '/'));
  await expect(page).toHaveURL(tenantUrl(tenant.subdomain, '/login'));
});

test('the demo company: any of its seeded people signs in from the provider\'s list', async ({ page }) => {
  const name = await signInToDemo(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Corporation home' })).toBeAttached();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(name);
});

test('people of another directory, deactivated people and unprovisioned people are refused', async ({ page }) => {
  const { tenant, tid, ids } = await provisionedTenant('kim@e2e.example', 'gone@e2e.example');

  await signIn(page, tenant.subdomain, { tid: FABRIKAM.tid, userName: FABRIKAM.people[0].userName });
  await expectRefused(page, tenant.subdomain, /different Microsoft directory/);

  // Deactivated over SCIM, as Entra does ("False" as a string, without the aadOptscim062020 flag).
  const off = await tenant.scim.patch(`/Users/${ids['gone@e2e.example']}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
  expect(off.status).toBe(200);
  await signIn(page, tenant.subdomain, { tid, userName: 'gone@e2e.example' });
  await expectRefused(page, tenant.subdomain, /has been deactivated/);

  // SCIM has provisioned people here, so someone it has not is refused.
  await signIn(page, tenant.subdomain, { tid, userName: 'walk-in@e2e.example' });
  await expectRefused(page, tenant.subdomain, /has not been given access/);
});

test('SCIM deactivation ends a signed-in person\'s session on their next request, on a page that says why', async ({ page }) => {
  const { tenant, tid, ids } = await provisionedTenant('sam@e2e.example');
  await signIn(page, tenant.subdomain, { tid, userName: 'sam@e2e.example' });
  await expectHome(page, tenant.subdomain);

  const off = await tenant.scim.patch(`/Users/${ids['sam@e2e.example']}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
  expect(off.status).toBe(200);
  const deactivated = tenantUrl(tenant.subdomain, '/login?signed_out=deactivated');
  await page.reload();
  await expect(page).toHaveURL(deactivated);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account has been deactivated' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toContainText("deactivated by your organisation's administrator");
  await expect(page.getByRole('main').getByRole('alert')).toContainText('ask your IT administrator to reactivate your account');
  expect(await seriousViolations(page, 'deactivated')).toEqual([]);
  await page.setViewportSize(devices['Pixel 7'].viewport);
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(inner);
  expect(await seriousViolations(page, 'deactivated (phone)', { rules: LAYOUT_RULES })).toEqual([]);
  // Any page of the site says the same, and the address carries a code, never words to show.
  await page.goto(tenantUrl(tenant.subdomain, '/wiki'));
  await expect(page).toHaveURL(deactivated);
  await page.goto(tenantUrl(tenant.subdomain, '/login?signed_out=<b>you+were+fired</b>'));
  await expect(page.getByRole('heading', { level: 1, name: /Sign in to/ })).toBeVisible();
  await expect(page.getByText('you were fired')).toHaveCount(0);
});

test('a session of one tenant gets nothing on another tenant\'s site, even with its cookie copied over', async ({ page, context }) => {
  const first = await provisionedTenant('ana@e2e.example');
  const second = await provisionedTenant('ana@e2e.example');
  await signIn(page, first.tenant.subdomain, { tid: first.tid, userName: 'ana@e2e.example' });
  await expectHome(page, first.tenant.subdomain);

  await page.goto(tenantUrl(second.tenant.subdomain, '/'));
  await expect(page).toHaveURL(tenantUrl(second.tenant.subdomain, '/login'));

  const session = (await context.cookies(tenantUrl(first.tenant.subdomain))).find((c) => c.name === 'orgwiki_session')!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(session.domain).toBe(`${first.tenant.subdomain}.localhost`); // host-only: never sent to another tenant
  await context.addCookies([{ ...session, domain: `${second.tenant.subdomain}.localhost` }]);
  await page.goto(tenantUrl(second.tenant.subdomain, '/'));
  await expect(page).toHaveURL(tenantUrl(second.tenant.subdomain, '/login'));
  await expect(homeHeading(page)).toHaveCount(0);
});

test('a tampered state, a replayed code and a token from the wrong issuer sign nobody in', async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('lee@e2e.example');
  const failed = async () => {
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(/Microsoft sign-in did not complete/);
    await page.goto(tenantUrl(tenant.subdomain, '/'));
    await expect(page).toHaveURL(tenantUrl(tenant.subdomain, '/login'));
  };

  // state: the provider echoes what it was given; the app must notice it is not its own.
  // Each refusal below is a warning in the server log, never an error (lib/auth/auth-log.ts): the log guard checks it.
  await startSignIn(page, tenant.subdomain);
  await page.locator('form:has(#user) input[name="state"]').evaluate((input: HTMLInputElement) => (input.value = `${input.value}x`));
  await pickAccount(page, { tid, userName: 'lee@e2e.example' });
  await failed();

  // A code that worked once, sent again.
  let callback = '';
  page.on('request', (request) => {
    if (request.url().includes('/api/auth/callback/')) callback ||= request.url();
  });
  await signIn(page, tenant.subdomain, { tid, userName: 'lee@e2e.example' });
  await expectHome(page, tenant.subdomain);
  await openUserMenu(page, 'Sign out');
  expect(callback).toContain('code=');
  // Signed out, the browser holds no state cookie to check the replayed callback against.
  await page.goto(callback);
  await failed();

  // An ID token whose iss names another directory than its tid.
  await signIn(page, tenant.subdomain, { tid, userName: 'lee@e2e.example', foreignIssuer: true });
  await failed();
});

test('a sign-in link made in one browser signs nobody in in another (no login CSRF)', async ({ page, browser }) => {
  const { tenant, tid } = await provisionedTenant('mallory@e2e.example');
  // Mallory signs in, but keeps the hand-off link instead of following it:
  // her browser's requests are replayed one hop at a time with its cookies.
  let callback = '';
  await page.route((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'), async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    callback = (await route.fetch({ maxRedirects: 0 })).headers().location;
    await route.fulfill({ status: 200, contentType: 'text/plain', body: 'held' });
  });
  await startSignIn(page, tenant.subdomain);
  await pickAccount(page, { tid, userName: 'mallory@e2e.example' });
  await expect.poll(() => callback).toContain('code=');
  const continued = (await page.request.get(callback, { maxRedirects: 0 })).headers().location;
  const handOff = (await page.request.get(new URL(continued, callback).toString(), { maxRedirects: 0 })).headers().location;
  expect(handOff).toContain(tenantUrl(tenant.subdomain, '/auth/enter?ticket='));

  const victim = await browser.newPage();
  await victim.goto(handOff);
  await expect(victim).toHaveURL(tenantUrl(tenant.subdomain, '/login?refused=expired'));
  await victim.goto(tenantUrl(tenant.subdomain, '/'));
  await expect(victim).toHaveURL(tenantUrl(tenant.subdomain, '/login'));

  // In Mallory's own browser the same link still works (once).
  await page.goto(handOff);
  await expectHome(page, tenant.subdomain);
});

test('sign-up: a Contoso admin creates the company, and a colleague is sent to it rather than making a second', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign-up for TheOrgWiki' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-up for TheOrgWiki' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, { tid: CONTOSO.tid, userName: CONTOSO.people[0].userName });

  // The company name comes from Microsoft Graph (through MSAL), the subdomain is checked as it is typed.
  await expect(page.getByLabel('Company name')).toHaveValue('Contoso');
  await expect(page.getByText('cannot be changed later')).toBeVisible();
  const subdomain = page.getByLabel('Subdomain');
  await subdomain.fill('acme');
  await expect(page.getByText('Another company has this subdomain.')).toBeVisible();
  await subdomain.fill('www');
  await expect(page.getByText('This subdomain is reserved.')).toBeVisible();
  await subdomain.fill('contoso');
  await expect(page.getByText('Available')).toBeVisible();
  await page.getByRole('button', { name: 'Create my company' }).click();

  await expectHome(page, 'contoso');
  await page.goto(tenantUrl('contoso', '/people'));
  await expect(page.getByText('1 person at Contoso')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(CONTOSO.people[0].name);
  await openUserMenu(page, 'Sign out');

  // Back through Login on the apex: the directory's tenant is found without naming it.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Login' }).click();
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, { tid: CONTOSO.tid, userName: CONTOSO.people[0].userName });
  await expectHome(page, 'contoso');
  await openUserMenu(page, 'Sign out');

  // Same directory, another person: into contoso (nobody is provisioned there yet, so they may enter).
  await page.goto('/signup');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, { tid: CONTOSO.tid, userName: CONTOSO.people[1].userName });
  await expectHome(page, 'contoso');
  await page.goto(tenantUrl('contoso', '/people'));
  await expect(page.getByText('2 people at Contoso')).toBeVisible();
});
