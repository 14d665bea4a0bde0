import { randomBytes, randomUUID } from 'node:crypto';
import { devices, type Page } from '@playwright/test';
import pg from 'pg';
import { E2E_PORT, E2E_ROOT } from '../../playwright.config';
import { SESSION_COOKIE } from '../../lib/auth/tenant-session';
import { hashToken } from '../../lib/tokens/token-secret';
import { provisionedTenant } from '../auth/provisioned-tenant';
import { LAYOUT_RULES, seriousViolations } from '../support/axe';
import { httpRequest } from '../support/http';
import { createOwnDatabase, startOwnServer, type OwnDatabase, type OwnServer } from '../support/own-server';
import { createTenantWithToken } from '../support/scim-fixtures';
import { homeHeading, showUserMenu, signIn, userMenu } from '../support/sign-in';
import { expect, expectServerErrors, test } from '../support/test';
import { tenantUrl } from '../support/sites';

// When a page cannot be shown (nothing there, not allowed, or a failure on the
// server) it says so inside the site's header, with a way on, at any width.

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PHONE = devices['Pixel 7'].viewport;

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The signed-in header: the sections, `name` in the avatar menu, and Sign out inside it; Escape closes the menu, back on its button. */
async function expectSignedInHeader(page: Page, name: string) {
  const nav = mainNav(page);
  for (const section of ['People', 'Org chart', 'Teams', 'Wiki']) await expect(nav.getByRole('link', { name: section, exact: true })).toBeVisible();
  const menu = userMenu(page);
  await expect(menu).toHaveText(new RegExp(`${name}$`));
  await showUserMenu(page);
  await page.keyboard.press('Escape');
  await expect(nav.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
}

/** axe's serious findings, and whether the page is wider than the window, at the current size. */
async function problemsAt(page: Page, where: string, rules?: string[]): Promise<string[]> {
  const found = await seriousViolations(page, where, { rules });
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (scroll > inner) found.push(`${where}: ${scroll}px wide in a ${inner}px window`);
  return found;
}

/** The same page again at phone width: the header and `text` still show, nothing is too wide, axe's layout rules pass. */
async function expectOnPhone(page: Page, where: string, text: RegExp | string) {
  const desktop = page.viewportSize()!;
  await page.setViewportSize(PHONE);
  await expect(mainNav(page)).toBeVisible();
  await expect(page.getByRole('main')).toContainText(text);
  expect(await problemsAt(page, `${where} (phone)`, LAYOUT_RULES)).toEqual([]);
  await page.setViewportSize(desktop);
}

test('a missing address, person, team or wiki page is a 404 inside the signed-in header, with a way home', async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('ana@e2e.example');
  await signIn(page, tenant.subdomain, { tid, userName: 'ana@e2e.example' });
  await expect(homeHeading(page)).toBeAttached();

  for (const path of ['/no/such/page', `/people/${randomUUID()}`, `/teams/${randomUUID()}`, '/wiki/no-such-page']) {
    const response = await page.goto(tenantUrl(tenant.subdomain, path));
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
    await expect(userMenu(page), path).toHaveText(/ana$/);
  }
  await expectSignedInHeader(page, 'ana');
  expect(await problemsAt(page, '404')).toEqual([]);
  await expectOnPhone(page, '404', 'Page not found');

  await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
  await expect(homeHeading(page)).toBeAttached();
});

test('a member opening an admin page gets a 403 inside the signed-in header, not the Admin Console', async ({ page }) => {
  const { tenant, tid } = await provisionedTenant('sam@e2e.example');
  await signIn(page, tenant.subdomain, { tid, userName: 'sam@e2e.example' });
  await expect(homeHeading(page)).toBeAttached();

  const response = await page.goto(tenantUrl(tenant.subdomain, '/admin/members'));
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Admins only' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Admin Console' })).toHaveCount(0);
  await expectSignedInHeader(page, 'sam');
  expect(await problemsAt(page, '403')).toEqual([]);
  await expectOnPhone(page, '403', 'Admins only');

  await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
  await expect(homeHeading(page)).toBeAttached();
});

test("the apex's 404 has the apex header, and on a host that is no company's its links lead to the apex", async ({ page }) => {
  for (const url of [`http://${E2E_ROOT}/no/such/page`, tenantUrl('nosuchcompany', '/people')]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: 'TheOrgWiki' })).toHaveAttribute('href', `http://${E2E_ROOT}`);
    await expect(mainNav(page).getByRole('link', { name: 'Login' })).toHaveAttribute('href', `http://${E2E_ROOT}/login`);
  }
  expect(await problemsAt(page, 'apex 404')).toEqual([]);
  await expectOnPhone(page, 'apex 404', 'Page not found');
  await page.getByRole('main').getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page).toHaveURL(`http://${E2E_ROOT}/`);
});

test('/favicon.ico and the app icons answer with an image on the apex, a tenant, an unknown host and the identity provider', async ({ page }) => {
  await page.goto(tenantUrl('acme', '/login'));
  // The icons the pages name, and the address browsers ask every site for.
  const named = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
  expect(named.length).toBeGreaterThanOrEqual(2);
  const paths = [...new Set(['/favicon.ico', ...named.map((href) => new URL(href, 'http://x').pathname)])];
  const hosts = [E2E_ROOT, `acme.${E2E_ROOT}`, `nosuchcompany.${E2E_ROOT}`];
  const answers: string[] = [];
  for (const host of hosts) {
    for (const path of paths) {
      const response = await httpRequest({ port: E2E_PORT, host, path });
      answers.push(`${host}${path} ${response.status} ${response.headers['content-type']}`);
    }
  }
  const idp = await httpRequest({ port: E2E_PORT + 1, host: `localhost:${E2E_PORT + 1}`, path: '/favicon.ico' });
  answers.push(`identity provider /favicon.ico ${idp.status} ${idp.headers['content-type']}`);
  expect(answers.filter((answer) => !/ 200 image\//.test(answer))).toEqual([]);
});

// A page whose query the database refuses, and then a database that refuses
// every connection: real failures, on a server and database of this test's own
// (the shared ones must not be locked or cut off), whose log the test reads.
test.describe('when the server fails', () => {
  const PORT = E2E_PORT + 14;
  let db: OwnDatabase | null = null;
  let server: OwnServer | null = null;

  test.afterAll(async () => {
    server?.signal('SIGKILL');
    await db?.drop();
  });

  /** One statement on the test's database (or, with `maintenance`, on the server's own `postgres` one). */
  async function sql(url: string, text: string, values: unknown[] = [], maintenance = false) {
    const target = new URL(url);
    if (maintenance) target.pathname = '/postgres';
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  test('a page the database cannot answer shows the error inside the header, and Try again recovers; a lost database, the plain header', async ({ page }) => {
    test.setTimeout(180_000);
    db = await createOwnDatabase(PORT);
    const url = db.url;
    const name = new URL(url).pathname.slice(1);
    const { subdomain, token } = createTenantWithToken(url);
    // Statements wait for a lock at most a second, as an operator would set it so that requests fail rather than pile up behind maintenance.
    await sql(url, `ALTER DATABASE "${name}" SET lock_timeout = '1s'`);
    server = await startOwnServer(PORT, url);
    const host = `${subdomain}.localhost:${PORT}`;
    const created = await httpRequest({
      port: PORT,
      host,
      method: 'POST',
      path: '/api/v2/scim/v2/Users',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
      body: JSON.stringify({ schemas: [CORE], userName: 'kai@e2e.example', displayName: 'kai', active: true }),
    });
    expect(created.status).toBe(201);
    // Signed in as the tenant's host signs people in (lib/auth/tenant-session.ts): this server has no identity provider.
    const session = `${created.json.id}.${randomBytes(32).toString('base64url')}`;
    await sql(
      url,
      `INSERT INTO "Session" ("id", "tenantId", "userId", "tokenHash", "activatedAt", "expiresAt")
       SELECT gen_random_uuid(), "tenantId", "id", $1, now(), now() + interval '1 hour' FROM "User" WHERE "id" = $2`,
      [hashToken(session), created.json.id],
    );
    await page.context().addCookies([{ name: SESSION_COOKIE, value: session, url: `http://${host}` }]);
    const home = `http://${host}/`;
    await page.goto(home);
    await expect(homeHeading(page)).toBeAttached();

    // Maintenance holds the wiki's table: the home page's list of recent pages cannot be read.
    // The server logs each failure it answers with the error page: that is the line the reference finds.
    expectServerErrors(/"level":"error".*Code: `55P03`\. Message: `canceling statement due to lock timeout`/);
    const maintenance = new pg.Client({ connectionString: url });
    await maintenance.connect();
    await maintenance.query('BEGIN');
    await maintenance.query('LOCK TABLE "WikiPage" IN ACCESS EXCLUSIVE MODE');
    expect((await page.goto(home))?.status()).toBe(500);
    await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
    await expectSignedInHeader(page, 'kai');
    // The reference on the page finds the failure in the server's log.
    const reference = (await page.getByRole('main').locator('code').textContent())!;
    const logged = await server.waitForLine(new RegExp(`"digest":"${reference}"`));
    expect(logged).toContain('lock timeout');
    expect(await problemsAt(page, 'error')).toEqual([]);
    await expectOnPhone(page, 'error', 'Something went wrong');

    await maintenance.query('ROLLBACK');
    await maintenance.end();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(homeHeading(page)).toBeAttached();
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);

    // The database goes away altogether: the tenant's header cannot know who is signed in, so the plain one shows.
    // The page's query meets either a connection being terminated (57P01) or a new one refused (55000), as timing has it.
    expectServerErrors(
      /"level":"error".*Code: `(57P01`\. Message: `terminating connection due to administrator command|55000`\. Message: `database \\"[^"\\]+\\" is not currently accepting connections)`/,
    );
    await sql(url, `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`, [], true);
    await sql(url, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name], true);
    expect((await page.goto(home))?.status()).toBe(500);
    await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: 'TheOrgWiki' })).toBeVisible();
    expect(await problemsAt(page, 'error without a database')).toEqual([]);

    await sql(url, `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`, [], true);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(homeHeading(page)).toBeAttached();
    await expectSignedInHeader(page, 'kai');
  });
});
