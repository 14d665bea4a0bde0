import { provisionedTenant } from '../auth/provisioned-tenant';
import { signIn } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';
import { MARK_SCRIPT, payloadsThatRan, XSS_CORPUS } from './xss-corpus';

// Everything Entra provisions is shown to colleagues: every attribute carries
// a payload of the corpus, and every screen that shows people or teams is
// opened in the browser, which is then asked whether anything ran.

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** The corpus, dealt out in turn. */
function dealer() {
  let next = 0;
  return () => XSS_CORPUS[next++ % XSS_CORPUS.length]!;
}

test('every provisioned attribute carrying script or markup stays inert on every screen that shows it', async ({ page }) => {
  test.setTimeout(120_000);
  const { tenant, tid, ids } = await provisionedTenant('viewer@e2e.example');
  const deal = dealer();
  const evil = await tenant.scim.post('/Users', {
    schemas: [CORE, ENTERPRISE],
    userName: 'evil@e2e.example',
    displayName: `Evil ${deal()}`,
    nickName: deal(),
    name: { givenName: `Evil ${deal()}`, familyName: deal(), formatted: deal(), middleName: deal(), honorificPrefix: deal(), honorificSuffix: deal() },
    title: deal(),
    userType: deal(),
    preferredLanguage: deal(),
    locale: deal(),
    timezone: deal(),
    profileUrl: 'javascript:mark(100)',
    emails: [
      { type: 'work', value: deal(), primary: true },
      { type: 'other', value: 'javascript:mark(101)' },
    ],
    phoneNumbers: [
      { type: 'work', value: deal() },
      { type: 'mobile', value: 'javascript:mark(102)' },
    ],
    addresses: [{ type: 'work', formatted: deal(), streetAddress: deal(), locality: deal(), region: deal(), postalCode: deal(), country: deal() }],
    photos: [{ type: 'photo', value: 'javascript:mark(103)' }],
    [ENTERPRISE]: { employeeNumber: deal(), costCenter: deal(), organization: deal(), division: deal(), department: deal() },
    active: true,
  });
  expect(evil.status).toBe(201);
  // The viewer reports to the payload, so it is on their home, their profile and their org chart too.
  const patched = await tenant.scim.patch(`/Users/${ids['viewer@e2e.example']}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: evil.json.id }],
  });
  expect(patched.status).toBe(200);
  const team = await tenant.scim.post('/Groups', {
    schemas: [GROUP],
    displayName: deal(),
    members: [{ value: evil.json.id }, { value: ids['viewer@e2e.example'] }],
  });
  expect(team.status).toBe(201);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.context().addInitScript(MARK_SCRIPT);
  await signIn(page, tenant.subdomain, { tid, userName: 'viewer@e2e.example' });
  await expect(page).toHaveURL(tenantUrl(tenant.subdomain, '/'));

  const screens = [
    '/',
    `/people/${evil.json.id}`,
    `/people/${ids['viewer@e2e.example']}`,
    '/people',
    '/people?q=evil',
    '/search?q=evil',
    '/org',
    '/teams',
    `/teams/${team.json.id}`,
  ];
  const marked: string[] = [];
  for (const screen of screens) {
    await page.goto(tenantUrl(tenant.subdomain, screen));
    await expect(page.getByRole('main')).toBeVisible();
    // Hover and focus what is there: handlers that need a person to act count too.
    await page.mouse.move(200, 300);
    await page.keyboard.press('Tab');
    const found = await payloadsThatRan(page);
    if (found.length) marked.push(`${screen}: ${found.join(', ')}`);
    const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(
      links.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
      screen,
    ).toEqual([]);
  }
  // The search box's suggestions render names too.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox').fill('evil');
  await expect(page.getByRole('option').first()).toBeVisible();
  const found = await payloadsThatRan(page);
  if (found.length) marked.push(`search box: ${found.join(', ')}`);

  expect(marked).toEqual([]);
  expect(dialogs).toEqual([]);
  // The payloads arrived as text: the profile shows the name exactly as sent.
  await page.goto(tenantUrl(tenant.subdomain, `/people/${evil.json.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Evil ${XSS_CORPUS[0]}`);
});
