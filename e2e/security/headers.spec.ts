import type { IncomingHttpHeaders } from 'node:http';
import type { Page } from '@playwright/test';
import { E2E_PORT, E2E_ROOT } from '../../playwright.config';
import { httpRequest } from '../support/http';
import { scimRequest } from '../support/scim-client';
import { expect, test } from '../support/scim-fixtures';
import { openSearchBox } from '../support/search-box';
import { signInToDemo } from '../support/sign-in';
import { tenantUrl } from '../support/sites';

// The browser-side protections on every kind of response the tests' server
// gives (pages, the app's JSON, SCIM, operations endpoints, static files), and
// pages that work under their Content-Security-Policy: every script Next sends
// carries the response's nonce, and the browser reports no violation.
// The server is plain http on localhost, so there is never HSTS here
// (tests/security covers the https side).

type Headers = IncomingHttpHeaders | Record<string, string>;

const PROTECTIONS = {
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy':
    'accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), encrypted-media=(), geolocation=(), gyroscope=(), hid=(), ' +
    'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()',
};
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Forms may go to our sites and to the identity provider the tests' server signs in with (tools/dev-idp, at port + 1). */
const PAGE_POLICY = new RegExp(
  `^default-src 'self'; script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; ` +
    `form-action 'self' ${escape(`http://${E2E_ROOT} http://*.${E2E_ROOT} http://localhost:${E2E_PORT + 1}`)}; frame-ancestors 'none'$`,
);

function expectProtections(headers: Headers, what: string): void {
  for (const [name, value] of Object.entries(PROTECTIONS)) expect(headers[name], `${name} of ${what}`).toBe(value);
  expect(headers['strict-transport-security'], `HSTS on plain http, ${what}`).toBeUndefined();
}

function expectApiHeaders(headers: Headers, what: string): void {
  expectProtections(headers, what);
  expect(headers['content-security-policy'], what).toBe(API_POLICY);
}

/** Asserts a page's headers and answers the nonce of its policy. */
function pageNonce(headers: Headers, what: string): string {
  expectProtections(headers, what);
  const match = PAGE_POLICY.exec(String(headers['content-security-policy']));
  expect(match, `the policy of ${what}: ${headers['content-security-policy']}`).not.toBeNull();
  return match![1];
}

/** Every script tag of the page as sent, inline or not, carries the nonce. */
function expectScriptsCarry(html: string, nonce: string, what: string): void {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, `scripts of ${what}`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, what).toContain(` nonce="${nonce}"`);
}

const get = (path: string, host = E2E_ROOT, headers: Record<string, string> = {}) => httpRequest({ port: E2E_PORT, host, path, headers });

/**
 * What the browser reports against our headers, from now on: policy violation events, and its console's
 * "Refused to…" errors and complaints about a Permissions-Policy feature it does not know.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Permissions[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportViolation(violation: string): void }).reportViolation;
    document.addEventListener('securitypolicyviolation', (event) =>
      report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} on ${event.documentURI}`),
    );
  });
  return violations;
}

/** Opens `url` in the browser; asserts its headers and its scripts' nonce. */
async function visit(page: Page, url: string, status = 200): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
  const nonce = pageNonce(await response!.allHeaders(), url);
  expectScriptsCarry(await response!.text(), nonce, url);
}

test('signed-out pages: headers, nonces on every script, no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await visit(page, `http://${E2E_ROOT}/`);
  await visit(page, tenantUrl('acme', '/login'));
  await visit(page, `http://${E2E_ROOT}/no-such-page`, 404);
  await visit(page, tenantUrl('no-such-tenant', '/'), 404);
  await visit(page, `http://${E2E_ROOT}/signup`);
  expect(violations).toEqual([]);
});

test('signed in: the tenant’s pages, the admin console and the app’s JSON work under the policy', async ({ page }) => {
  const violations = await watchViolations(page);
  // Through the apex's sign-in form, which leaves for the identity provider: form-action allows it.
  await signInToDemo(page);

  await visit(page, tenantUrl('acme', '/'));
  const search = await openSearchBox(page);
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/search');
  await search.fill('a');
  await expect(page.getByRole('option').first()).toBeVisible();
  const json = await answered;
  expect(json.status()).toBe(200);
  expect(await json.headerValue('content-type')).toContain('application/json');
  expectApiHeaders(await json.allHeaders(), 'the search API');

  await visit(page, tenantUrl('acme', '/org'));
  // Expanding someone loads their reports from the app's JSON.
  const name = await page
    .getByRole('button', { name: /^Reports of /, expanded: false })
    .first()
    .getAttribute('aria-label');
  const toggle = page.getByRole('button', { name: name!, exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  await visit(page, tenantUrl('acme', '/people'));
  await visit(page, tenantUrl('acme', '/wiki/new'));
  // The rich editor runs under the policy, and so does the markdown preview.
  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await text.fill('Typed under the policy.');
  await expect(text).toHaveText('Typed under the policy.');
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  await page.getByRole('textbox', { name: 'Markdown', exact: true }).fill('# Preview works\n\nUnder **the policy**.');
  await expect(page.getByRole('region', { name: 'Preview' }).getByRole('heading', { name: 'Preview works' })).toBeVisible();

  await visit(page, tenantUrl('acme', '/admin/settings'));
  await expect(page.getByRole('heading', { name: 'Admin Console' })).toBeVisible();
  await visit(page, tenantUrl('acme', '/no-such-page'), 404);
  expect(violations).toEqual([]);
});

test('each page gets a nonce of its own, and Next puts that one on its scripts', async () => {
  const [first, second] = [await get('/'), await get('/')];
  const [a, b] = [pageNonce(first.headers, 'the apex'), pageNonce(second.headers, 'the apex again')];
  expect(a).not.toBe(b);
  expectScriptsCarry(first.text, a, 'the apex');
  expectScriptsCarry(second.text, b, 'the apex again');
  // A policy sent with the request does not choose the nonce.
  const forged = await get('/', E2E_ROOT, { 'Content-Security-Policy': "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='" });
  expect(pageNonce(forged.headers, 'a forged request')).not.toBe('AAAAAAAAAAAAAAAAAAAAAA==');
  expect(forged.text).not.toContain('AAAAAAAAAAAAAAAAAAAAAA==');
});

test('JSON, SCIM, operations endpoints and static files get the policy that runs nothing', async ({ tenant }) => {
  const availability = await get('/api/subdomain-availability?name=free-name');
  expect(availability.status).toBe(200);
  expectApiHeaders(availability.headers, 'subdomain availability');
  expectApiHeaders((await get('/api/search?q=a', `acme.${E2E_ROOT}`)).headers, 'the search API, signed out');

  const users = await tenant.scim.get('/Users');
  expect(users.status).toBe(200);
  expectApiHeaders(users.headers, 'SCIM');
  const refused = await scimRequest({ subdomain: tenant.subdomain, method: 'GET', path: '/Users' });
  expect(refused.status).toBe(401);
  expectApiHeaders(refused.headers, 'a SCIM 401');

  for (const path of ['/api/health', '/api/ready', '/api/metrics']) {
    const response = await get(path);
    expect(response.status, path).toBe(path === '/api/metrics' ? 401 : 200);
    expectApiHeaders(response.headers, path);
  }

  const script = /<script[^>]* src="(\/_next\/static\/[^"]+\.js)"/.exec((await get('/')).text)![1];
  for (const path of [script, '/assets/logo.svg', '/_next/static/no-such-file.js']) {
    const response = await get(path);
    expect(response.status, path).toBe(path.includes('no-such-file') ? 404 : 200);
    expectApiHeaders(response.headers, path);
  }
});
