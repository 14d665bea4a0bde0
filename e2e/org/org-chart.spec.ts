import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from '../support/axe';
import { signInToDemo } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// The org chart on the demo company (acme, 200 people in a manager tree):
// opening at someone, expanding on demand, jumping there by search, zoom.

/** A person's card on the chart (the one with their name as its link). */
const card = (page: Page, name: string) => page.locator('[data-person]').filter({ has: page.getByRole('link', { name, exact: true }) });
const toggle = (page: Page, name: string) => page.getByRole('button', { name: `Reports of ${name}`, exact: true });

/** [direct reports, everyone under] as a card shows them; [0, 0] for someone without reports. */
async function countsOf(cardLocator: Locator): Promise<[number, number]> {
  const counts = cardLocator.locator('[data-counts]');
  if ((await counts.count()) === 0) return [0, 0];
  const match = /^([\d,]+) direct reports? · ([\d,]+) in all$/.exec(((await counts.textContent()) ?? '').trim());
  expect(match, 'counts text').not.toBeNull();
  return [Number(match![1].replace(/,/g, '')), Number(match![2].replace(/,/g, ''))];
}

/** Expands the first collapsed person on the chart; answers their name once their reports are shown. */
async function expandFirstCollapsed(page: Page, within: Locator): Promise<string> {
  const button = within.getByRole('button', { name: /^Reports of /, expanded: false }).first();
  const name = ((await button.getAttribute('aria-label')) ?? '').replace(/^Reports of /, '');
  const loaded = page.waitForResponse((r) => /\/api\/org\/[0-9a-f-]+\/reports$/.test(new URL(r.url()).pathname) && r.status() === 200);
  await button.click();
  await loaded; // loaded on demand, not sent with the page
  await expect(toggle(page, name)).toHaveAttribute('aria-expanded', 'true');
  await expect(
    page
      .getByRole('list', { name: `Reports of ${name}` })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  return name;
}

test('opens at the signed-in person; expanding loads reports with counts that add up; collapsing hides them', { tag: '@phone' }, async ({ page }) => {
  const me = await signInToDemo(page);
  await page.goto(tenantUrl('acme', '/org'));
  await expect(page.getByRole('heading', { level: 1, name: 'Org chart' })).toBeVisible();
  const focused = page.locator('[data-person][aria-current="true"]');
  await expect(focused).toHaveCount(1);
  await expect(focused.getByRole('link')).toHaveText(me);
  await expect(focused.getByRole('link')).toHaveAttribute('href', /^\/people\/[0-9a-f-]{36}$/);
  // The signed-in person's own reports are open from the start.
  await expect(toggle(page, me)).toHaveAttribute('aria-expanded', 'true');

  const name = await expandFirstCollapsed(page, page.getByRole('list', { name: `Reports of ${me}` }));
  const reports = page.getByRole('list', { name: `Reports of ${name}` });
  const cards = reports.locator(':scope > li > [data-person]');
  const [direct, everyone] = await countsOf(card(page, name));
  await expect(cards).toHaveCount(direct);
  let sum = 0;
  for (const report of await cards.all()) sum += (await countsOf(report))[1] + 1;
  expect(everyone).toBe(sum);
  // The demo company is one tree of 200 active people: everyone else is under its root.
  const root = page.getByRole('list', { name: 'Org chart' }).locator(':scope > li > [data-person]');
  await expect(root).toHaveCount(1);
  expect((await countsOf(root))[1]).toBe(199);

  await toggle(page, name).click();
  await expect(toggle(page, name)).toHaveAttribute('aria-expanded', 'false');
  await expect(reports).toHaveCount(0);
});

test('search jumps to a person: the chart opens there with the path from the top expanded', async ({ page }) => {
  await signInToDemo(page);
  await page.goto(tenantUrl('acme', '/org'));
  // Two levels down from the root, through people the page did not open.
  const top = (await page.getByRole('list', { name: 'Org chart' }).locator(':scope > li > [data-person] a').first().textContent())!;
  const manager = await expandFirstCollapsed(page, page.getByRole('list', { name: `Reports of ${top}` }));
  const target = await expandFirstCollapsed(page, page.getByRole('list', { name: `Reports of ${manager}` }));
  const targetId = await card(page, target).getAttribute('data-person');

  await page.goto(tenantUrl('acme', '/'));
  await page.goto(tenantUrl('acme', '/org'));
  await page.getByLabel('Find a person in the chart').fill(target);
  await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('link', { name: new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .first()
    .click();
  await expect(page).toHaveURL(tenantUrl('acme', `/org?person=${targetId}`));
  await expect(page.locator('[data-person][aria-current="true"]').getByRole('link')).toHaveText(target);
  for (const above of [top, manager]) await expect(toggle(page, above)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, target)).toHaveAttribute('aria-expanded', 'true');
});

/** A GET from inside the page (so with its cookies, and *.localhost resolved by the browser). */
async function getJson(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: await response.json() };
  }, path);
}

test('an unknown or malformed person is 404, and the reports API answers 401 and 404 in JSON', async ({ page, browser }) => {
  await signInToDemo(page);
  expect((await page.goto(tenantUrl('acme', `/org?person=${randomUUID()}`)))?.status()).toBe(404);
  expect((await page.goto(tenantUrl('acme', '/org?person=nobody')))?.status()).toBe(404);

  await page.goto(tenantUrl('acme', '/org'));
  expect(await getJson(page, `/api/org/${randomUUID()}/reports`)).toEqual({ status: 404, body: { error: 'No such person.' } });
  expect((await getJson(page, '/api/org/not-a-uuid/reports')).status).toBe(404);
  const me = (await page.locator('[data-person][aria-current="true"]').getAttribute('data-person'))!;
  const mine = await getJson(page, `/api/org/${me}/reports`);
  expect(mine.status).toBe(200);
  const names = (mine.body as { people: { name: string }[] }).people.map((p) => p.name);
  expect(names.length).toBeGreaterThan(0);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

  const stranger = await browser.newPage();
  await stranger.goto(tenantUrl('acme', '/login'));
  expect(await getJson(stranger, `/api/org/${me}/reports`)).toEqual({ status: 401, body: { error: 'Sign in to see the org chart.' } });
  await stranger.close();
});

test('zoom buttons, ctrl+wheel and dragging change the view; the page passes axe', { tag: '@phone' }, async ({ page }) => {
  await signInToDemo(page);
  await page.goto(tenantUrl('acme', '/org'));
  const content = page.getByTestId('org-chart-content');
  const level = page.getByRole('status', { name: 'Zoom level' });
  const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await content.getAttribute('style')) ?? '')?.[1]);
  await expect(level).toHaveText('100%');

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(level).toHaveText('125%');
  expect(await scale()).toBeCloseTo(1.25);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(level).toHaveText('80%');
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(level).toHaveText('100%');

  // The viewport's padding, top right: empty while the view is reset (scrolled to the top left), and inside the window.
  await page.getByRole('button', { name: 'Reset view' }).click();
  const box = (await content.locator('..').boundingBox())!;
  const [x, y] = [box.x + box.width - 8, box.y + 8];
  await page.mouse.move(x, y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(scale).toBeGreaterThan(1);
  await expect(level).not.toHaveText('100%');

  const scrolled = () => content.locator('..').evaluate((e) => `${e.scrollLeft},${e.scrollTop}`);
  const before = await scrolled();
  await page.mouse.down();
  await page.mouse.move(x - 50, y - 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(scrolled).not.toBe(before);

  expect(await seriousViolations(page, 'org chart')).toEqual([]);
});
