import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { COLOUR_RULES, seriousViolations } from '../support/axe';
import { createScimTenant } from '../support/scim-fixtures';
import { openSearchBox } from '../support/search-box';
import { signIn, enterDemo } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// The people directory, the home page and the one search box, on the demo company.

const results = (page: Page) => page.getByRole('list', { name: 'People' });

/** A typo a person makes: two letters in the middle swapped. */
const swapMiddle = (word: string) => {
  const i = Math.floor(word.length / 2);
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
};

test('the directory finds a person by a misspelt name and narrows by department and office', { tag: '@phone' }, async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  await page.goto(tenantUrl('acme', '/people'));
  await expect(results(page).getByRole('listitem')).toHaveCount(50);
  const names = await results(page).getByRole('link').allTextContents();
  const target = names.find((n) => (n.split(' ').at(-1) ?? '').length >= 6 && n.split(' ').length === 2)!;
  const [given, family] = target.split(' ');
  const typo = `${given} ${swapMiddle(family)}`;
  expect(typo).not.toBe(target);

  await page.getByLabel('Name, title, department, office, email, phone or skill').fill(typo);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(results(page).getByRole('link', { name: target }).first()).toBeVisible();

  await page.goto(tenantUrl('acme', '/people'));
  const count = page.getByRole('main').getByRole('status');
  await expect(count).toHaveText(/^[\d,]+ people at /);
  const everyone = Number((await count.textContent())!.replace(/\D/g, ''));
  const engineering = (await page
    .getByLabel('Department', { exact: true })
    .locator('option', { hasText: /^Engineering \(/ })
    .textContent())!;
  await page.getByLabel('Department', { exact: true }).selectOption({ label: engineering });
  await page.getByLabel('Office', { exact: true }).selectOption({ index: 1 });
  const office = (await page.getByLabel('Office', { exact: true }).locator('option:checked').textContent())!.replace(/ \(.*$/, '');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/department=Engineering/);
  await expect(count).toHaveText(/^[\d,]+ (person|people) found$/); // not the skeleton's "Loading…"
  const narrowed = Number((await count.textContent())!.replace(/\D/g, ''));
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(everyone);
  for (const line of await results(page).getByRole('listitem').allTextContents()) {
    expect(line).toContain('Engineering');
    expect(line).toContain(office);
  }
});

test('former people are hidden until asked for, and marked', async ({ page }) => {
  const tid = randomUUID();
  const tenant = await createScimTenant(tid);
  for (const handle of ['stays', 'leaves']) {
    const created = await tenant.scim.post('/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: `${handle}@e2e.example`,
      externalId: randomUUID(),
      displayName: `${handle} Person`,
      active: true,
    });
    expect(created.status).toBe(201);
    if (handle === 'leaves') {
      const patched = await tenant.scim.patch(`/Users/${created.json.id}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      });
      expect(patched.status).toBe(200);
    }
  }
  await signIn(page, tenant.subdomain, { tid, userName: 'stays@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, '/people'));
  await expect(results(page).getByRole('link')).toHaveText(['stays Person']);
  await page.getByLabel('Status').selectOption('former');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(results(page).getByRole('listitem')).toHaveCount(1);
  await expect(results(page).getByRole('listitem')).toContainText('leaves Person');
  await expect(results(page).getByRole('listitem')).toContainText('Former');
});

test('the search box: Ctrl+K, suggestions grouped by kind, arrows and Enter; ? lists the shortcuts and g p goes to People', async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  await page.goto(tenantUrl('acme', '/people'));
  await expect(results(page).getByRole('listitem')).toHaveCount(50);
  const someone = (await results(page).getByRole('link').nth(3).textContent())!;

  await page.goto(tenantUrl('acme', '/'));
  const box = await openSearchBox(page);
  await box.fill(someone.split(' ')[1].slice(0, 5));
  const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(suggestions.getByRole('group', { name: 'People' }).getByRole('option', { name: new RegExp(someone) })).toBeVisible();
  await box.fill('handbok'); // a typo of a page title
  await expect(suggestions.getByRole('group', { name: 'Pages' }).getByRole('option').first()).toContainText('Handbook');
  // One Escape closes the box, text and all, as its footer says.
  await box.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
  await openSearchBox(page);
  await box.fill(someone);
  await expect(suggestions.getByRole('option').first()).toContainText(someone);
  await expect(suggestions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(someone);

  await expect(async () => {
    // as openSearchBox: until the page listens
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page).toHaveURL(tenantUrl('acme', '/people'));
});

test('home shows the search box, the person’s team, who joined and what changed; /search groups the results', async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  await expect(page.getByRole('search', { name: 'Everything' })).toBeVisible();
  // The demo's first person heads the company: their team is the people who report to them, under a heading that says so.
  const team = page.getByRole('region', { name: 'Your team' });
  await expect(team.getByRole('heading', { name: 'Your reports' })).toBeVisible();
  await expect(team.getByRole('list', { name: 'Your reports' }).getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recently joined' }).getByRole('listitem')).toHaveCount(6);
  await expect(page.getByRole('region', { name: 'Recently updated pages' }).getByRole('listitem').first()).toBeVisible();
  await page.getByLabel(/Who or what are you looking for/).fill('engineering');
  await page.getByLabel(/Who or what are you looking for/).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=engineering/);
  await expect(
    page
      .getByRole('region', { name: /^People/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: /^Teams/ }).getByRole('link', { name: 'Engineering Team' })).toBeVisible();
});

test('an admin exports the directory as CSV, with the page’s search and filters and every page of it', async ({ demoSession, page }) => {
  await enterDemo(page, demoSession); // the demo's first person is an admin
  await page.goto(tenantUrl('acme', '/people?department=Engineering'));
  const total = Number((await page.getByRole('status').first().textContent())!.match(/^([\d,]+) people/)![1].replaceAll(',', ''));
  const link = page.getByRole('link', { name: 'Export CSV' });
  await expect(link).toHaveAttribute('href', /\/people\/export\?department=Engineering&status=active$/);
  const csv = await page.evaluate(
    async (href) => {
      const response = await fetch(href);
      return { type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
    },
    (await link.getAttribute('href'))!,
  );
  expect(csv.type).toBe('text/csv; charset=utf-8');
  expect(csv.disposition).toMatch(/^attachment; filename="acme-people-\d{4}-\d{2}-\d{2}\.csv"$/);
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('"name","user name","title","department","office","work email","status","profile"');
  expect(lines).toHaveLength(total + 1);
  expect(lines.slice(1).every((line) => line.includes('"Engineering","') && line.includes('"current","http://acme.'))).toBe(true);
});

test('home, the directory, search and the search box pass axe, in light and dark mode', async ({ demoSession, page }) => {
  test.setTimeout(120_000); // ten axe runs
  await enterDemo(page, demoSession);
  const found: string[] = [];
  const SCHEMES = ['light', 'dark'] as const;
  // Each page is loaded once and looked at in both schemes: the dark scheme is CSS alone (app/globals.css).
  const check = async (where: string, selector?: string) => {
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      found.push(...(await seriousViolations(page, `${where} (${scheme})`, { selector, rules: scheme === 'light' ? undefined : COLOUR_RULES })));
    }
  };
  for (const path of ['/', '/people', '/people?department=Engineering&status=all', '/search?q=handbook']) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(tenantUrl('acme', path));
    await check(path);
  }
  await (await openSearchBox(page)).fill('a');
  await expect(page.getByRole('option').first()).toBeVisible();
  await check('search box', 'dialog');
  expect(found).toEqual([]);
});

test('no screen is wider than the window, on a phone too', { tag: '@phone' }, async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  await page.goto(tenantUrl('acme', '/people'));
  await expect(results(page).getByRole('listitem')).toHaveCount(50);
  const profile = (await page.getByRole('list', { name: 'People' }).getByRole('link').first().getAttribute('href'))!;
  const wide: string[] = [];
  for (const path of ['/', '/people', profile, '/org', '/teams', '/wiki', '/wiki/handbook', '/search?q=handbook']) {
    await page.goto(tenantUrl('acme', path));
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (scroll > inner) wide.push(`${path}: ${scroll}px in ${inner}px`);
  }
  expect(wide).toEqual([]);
});
