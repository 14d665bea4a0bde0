import { devices, type Page } from '@playwright/test';
import { STATIC_DIRECTORIES } from '../../tools/dev-idp/directories';
import { E2E_PORT } from '../../playwright.config';
import { LAYOUT_RULES, seriousViolations } from '../support/axe';
import { httpRequest } from '../support/http';
import { untilHydrated } from '../support/hydration';
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
  await expect(page.getByText(/You are signed out of/)).toBeVisible();
  await page.goto(tenantUrl(tenant.subdomain, '/'));
  await expect(page).toHaveURL(tenantUrl(tenant.subdomain, '/login'));
});

test("signing out offers Microsoft's sign-out too, which comes back to the product", async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('shared.pc@e2e.example');
  await signIn(page, tenant.subdomain, { tid, userName: 'shared.pc@e2e.example' });
  await expectHome(page, tenant.subdomain);
  await openUserMenu(page, 'Sign out');
  const microsoft = page.getByRole('link', { name: 'sign out of Microsoft too' });
  // In the tenant's own directory, back to the apex page the app registration lists.
  await expect(microsoft).toHaveAttribute('href', new RegExp(`/${tid}/oauth2/v2\\.0/logout\\?post_logout_redirect_uri=`));
  await microsoft.click();
  await expect(page.getByRole('heading', { level: 1, name: 'You are signed out' })).toBeVisible();
  await expect(page.getByText('of your Microsoft account in this browser')).toBeVisible();
});

test("the demo company: any of its seeded people signs in from the provider's list", async ({ page }) => {
  const name = await signInToDemo(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Corporation home' })).toBeAttached();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(name);
});

test('people of another directory, deactivated people and unprovisioned people are refused', async ({ page }) => {
  const { tenant, tid, ids } = await provisionedTenant('kim@e2e.example', 'gone@e2e.example');

  // A company's own sign-in goes to its own directory, which offers nobody else (Entra answers AADSTS50020).
  await startSignIn(page, tenant.subdomain);
  const directories = page.getByLabel('Directory', { exact: true }).locator('option');
  await expect(directories).toHaveCount(1);
  await expect(directories).toHaveAttribute('value', tid);
  // Signed in elsewhere (the apex's Login, at `organizations`), someone of another directory who asks for this company is refused.
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, { tid: FABRIKAM.tid, userName: FABRIKAM.people[0].userName });
  await expect(page).toHaveURL(/\/signup$/);
  await page.goto(`/auth/continue?tenant=${tenant.subdomain}`);
  await expectRefused(page, tenant.subdomain, /different Microsoft directory/);

  // Deactivated over SCIM, as Entra does ("False" as a string, without the aadOptscim062020 flag).
  const off = await tenant.scim.patch(`/Users/${ids['gone@e2e.example']}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
  });
  expect(off.status).toBe(200);
  await signIn(page, tenant.subdomain, { tid, userName: 'gone@e2e.example' });
  await expectRefused(page, tenant.subdomain, /has been deactivated/);

  // SCIM has provisioned people here, so someone it has not is refused.
  await signIn(page, tenant.subdomain, { tid, userName: 'walk-in@e2e.example' });
  await expectRefused(page, tenant.subdomain, /has not been given access/);
});

test("a B2B guest of the company's directory signs in as that directory's guest, not as their home directory's", async ({ page }) => {
  // Nobody provisioned yet: anyone of the directory may enter, its guests too.
  const { tenant, tid } = await provisionedTenant();
  await signIn(page, tenant.subdomain, { tid, userName: 'partner@fabrikam.example', name: 'Pat Partner', guest: true });
  await expectHome(page, tenant.subdomain);
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Pat Partner');
});

test("SCIM deactivation ends a signed-in person's session on their next request, on a page that says why", async ({ page }) => {
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

test("a session of one tenant gets nothing on another tenant's site, even with its cookie copied over", async ({ page, context }) => {
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

test('a tampered state, a replayed code and a forged or misdirected ID token sign nobody in', async ({ page }) => {
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

  // ID tokens Entra never sends: iss naming another directory than its tid,
  // a signature by a key the directory does not publish (oauth4webapi checks
  // no signature: only ours does), another app's audience.
  for (const tamper of ['foreign_issuer', 'unknown_key', 'other_audience'] as const) {
    await signIn(page, tenant.subdomain, { tid, userName: 'lee@e2e.example', tamper });
    await failed();
  }
});

/**
 * Signs `userName` in from the tenant's site, but stops where Microsoft sends
 * the browser back: answers the apex's /auth/continue address that the
 * callback leads to, for the test to replay one hop at a time with this
 * browser's cookies.
 */
async function holdSignIn(page: Page, subdomain: string, who: { tid: string; userName: string }): Promise<URL> {
  let callback = '';
  await page.route(
    (url) => url.pathname.endsWith('/oauth2/v2.0/authorize'),
    async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      callback = (await route.fetch({ maxRedirects: 0 })).headers().location;
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'held' });
    },
  );
  await startSignIn(page, subdomain);
  await pickAccount(page, who);
  await expect.poll(() => callback).toContain('code=');
  await page.unrouteAll();
  return new URL((await page.request.get(callback, { maxRedirects: 0 })).headers().location, callback);
}

test('a sign-in link made in one browser signs nobody in in another (no login CSRF)', async ({ page, browser }) => {
  const { tenant, tid } = await provisionedTenant('mallory@e2e.example');
  // Mallory signs in, but keeps the hand-off link instead of following it.
  const continued = await holdSignIn(page, tenant.subdomain, { tid, userName: 'mallory@e2e.example' });
  const handOff = (await page.request.get(continued.toString(), { maxRedirects: 0 })).headers().location;
  expect(handOff).toContain(tenantUrl(tenant.subdomain, '/auth/enter?ticket='));

  const victim = await browser.newPage();
  await victim.goto(handOff);
  await expect(victim).toHaveURL(tenantUrl(tenant.subdomain, '/login?refused=expired'));
  await victim.goto(tenantUrl(tenant.subdomain, '/'));
  await expect(victim).toHaveURL(tenantUrl(tenant.subdomain, '/login'));

  // The failed redemption burned the ticket: Mallory cannot use it either.
  await page.goto(handOff);
  await expect(page).toHaveURL(tenantUrl(tenant.subdomain, '/login?refused=expired'));
});

test('the apex gives a ticket only for the binding its own sign-in remembered', async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('eve@e2e.example');
  // No link chooses a tenant's binding: /auth/start makes its own, whatever `resume` it is handed.
  const planted = 'A'.repeat(43);
  // Node cannot resolve *.localhost: to 127.0.0.1 with the site in the Host header.
  const startUrl = new URL(tenantUrl(tenant.subdomain, `/auth/start?resume=${planted}`));
  const start = await httpRequest({ port: E2E_PORT, host: startUrl.host, path: startUrl.pathname + startUrl.search });
  const made = /orgwiki_signin=([^;]*)/.exec(String(start.headers['set-cookie']))![1];
  expect(made).not.toBe(planted);
  expect(start.headers.location).toContain(`binding=${made}&resume=${planted}`);

  const continued = await holdSignIn(page, tenant.subdomain, { tid, userName: 'eve@e2e.example' });
  // A resume value this browser was not given: no ticket, and no second round either (a browser keeping no cookies would loop).
  const wrongResume = new URL(continued);
  wrongResume.searchParams.set('resume', planted);
  expect((await page.request.get(wrongResume.toString(), { maxRedirects: 0 })).headers().location).toBe(tenantUrl(tenant.subdomain, '/login?refused=expired'));
  // A link naming another browser's binding (one an attacker holds) gets no ticket: the browser is bound afresh instead.
  const forged = new URL(continued);
  forged.searchParams.set('binding', 'A'.repeat(43));
  const answer = (await page.request.get(forged.toString(), { maxRedirects: 0 })).headers().location;
  expect(answer).toMatch(new RegExp(`^${tenantUrl(tenant.subdomain, '/auth/start\\?resume=').replace(/\./g, '\\.')}`));
  expect(answer).not.toContain('A'.repeat(43));
  // Following it through signs this browser in.
  await page.goto(answer);
  await expectHome(page, tenant.subdomain);
});

test('sign-up needs a directory admin: anyone else is told whom to ask, with the link to send them', async ({ page }) => {
  await page.goto('/signup');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, { tid: FABRIKAM.tid, userName: 'intern@fabrikam.example' });
  await expect(page.getByRole('status')).toContainText('Only an administrator of your Microsoft directory can sign up your company');
  await expect(page.getByRole('status')).toContainText('Global Administrator');
  await expect(page.getByText(/\/signup$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create my company' })).toHaveCount(0);
  expect(await seriousViolations(page, 'sign-up, not an admin')).toEqual([]);
});

test('a directory admin takes over a tenant an employee claimed: audited, old admins demoted, SCIM tokens revoked', async ({ page }) => {
  // Tenants from before sign-up asked for a directory role are not known to be claimed by a directory admin.
  const { tenant, tid } = await provisionedTenant('claimer@e2e.example');
  await page.goto('/signup');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, { tid, userName: 'it.admin@e2e.example', name: 'IT Admin', directoryAdmin: true });
  await expect(page.getByText(/Nobody known to be a directory administrator signed it up/)).toBeVisible();
  await page.getByRole('button', { name: /^Take over / }).click();
  await expectHome(page, tenant.subdomain);
  expect((await tenant.scim.get('/Users')).status).toBe(401);
  await page.goto(tenantUrl(tenant.subdomain, '/admin/audit'));
  await expect(page.getByRole('table', { name: 'Admin actions' }).getByRole('rowheader').first()).toHaveText(
    'IT Admin took over the Admin Console as a directory admin',
  );
  // The claimer was provisioned with Entra's default mapping: the console says how people are matched, and how to do better.
  await page.goto(tenantUrl(tenant.subdomain, '/admin/provisioning'));
  const matching = page.getByRole('region', { name: 'Matching people at sign-in' });
  await expect(matching).toContainText('does not send the object id as externalId');
  await expect(matching.getByRole('status')).toContainText('set its source attribute to objectId');
  // Done once: the next directory admin is simply sent in.
  await page.context().clearCookies();
  await page.goto('/signup');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, { tid, userName: 'other.admin@e2e.example', directoryAdmin: true });
  await expect(page).toHaveURL(new RegExp(tenantUrl(tenant.subdomain, '/login').replace(/\./g, '\\.')));
});

test('sign-up: a Contoso admin creates the company, and a colleague is sent to it rather than making a second', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign-up for TheOrgWiki' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-up for TheOrgWiki' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await pickAccount(page, { tid: CONTOSO.tid, userName: CONTOSO.people[0].userName });

  // The company name comes from Microsoft Graph (through MSAL), once the admin has consented to the app's permission.
  await expect(page.getByLabel('Company name')).toHaveValue('');
  await page.getByRole('link', { name: 'grant admin consent' }).click();
  await page
    .getByRole('region', { name: 'Contoso' })
    .getByRole('button', { name: new RegExp(CONTOSO.people[0].name) })
    .click();
  await expect(page).toHaveURL(/\/signup\?admin_consent=True/);
  await expect(page.getByLabel('Company name')).toHaveValue('Contoso');
  // The subdomain is checked as it is typed.
  await expect(page.getByText('cannot be changed later')).toBeVisible();
  const subdomain = page.getByLabel('Subdomain');
  // Checked by the form's script: typed before it has hydrated, nothing would check it.
  await untilHydrated(subdomain);
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
