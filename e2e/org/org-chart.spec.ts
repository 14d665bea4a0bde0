import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { seriousViolations } from '../support/axe';
import { untilHydrated as untilReact } from '../support/hydration';
import { enterDemo } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// The org chart on the demo company (acme, 200 people in a manager tree):
// opening at someone, expanding on demand, jumping there by search, zoom.

/** A person's card on the chart (the one with their name as its link). */
const card = (page: Page, name: string) => page.locator('[data-person]').filter({ has: page.getByRole('link', { name, exact: true }) });
const toggle = (page: Page, name: string) => page.getByRole('button', { name: `Reports of ${name}`, exact: true });
/** The cards of someone's reports on the drawn chart. */
const reportsOf = (page: Page, id: string) => page.locator(`[data-parent="${id}"]`);
const idOf = async (page: Page, name: string) => (await card(page, name).getAttribute('data-person'))!;

/** The chart's buttons do nothing until it has hydrated. */
const untilHydrated = (page: Page) => untilReact(page.getByTestId('org-chart-content'));

async function openChart(page: Page, path = '/org'): Promise<void> {
  await page.goto(tenantUrl('acme', path));
  await untilHydrated(page);
}

/** [direct reports, everyone under] as a card shows them; [0, 0] for someone without reports. */
async function countsOf(cardLocator: Locator): Promise<[number, number]> {
  const counts = cardLocator.locator('[data-counts]');
  if ((await counts.count()) === 0) return [0, 0];
  const match = /^([\d,]+) direct reports? · ([\d,]+) in all$/.exec(((await counts.textContent()) ?? '').trim());
  expect(match, 'counts text').not.toBeNull();
  return [Number(match![1].replace(/,/g, '')), Number(match![2].replace(/,/g, ''))];
}

/** Expands the first collapsed person among `within` (cards); answers their name once their reports are drawn. */
async function expandFirstCollapsed(page: Page, within: Locator): Promise<string> {
  const button = within.getByRole('button', { name: /^Reports of /, expanded: false }).first();
  const name = ((await button.getAttribute('aria-label')) ?? '').replace(/^Reports of /, '');
  const loaded = page.waitForResponse((r) => /\/api\/org\/[0-9a-f-]+\/reports$/.test(new URL(r.url()).pathname) && r.status() === 200);
  await button.click();
  await loaded; // loaded on demand, not sent with the page
  await expect(toggle(page, name)).toHaveAttribute('aria-expanded', 'true');
  await expect(reportsOf(page, await idOf(page, name)).first()).toBeVisible();
  return name;
}

test(
  'opens at the signed-in person; expanding draws reports below with counts that add up; collapsing hides them',
  { tag: '@phone' },
  async ({ demoSession, page }) => {
    const me = await enterDemo(page, demoSession);
    await openChart(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Org chart' })).toBeVisible();
    const focused = page.locator('[data-person][aria-current="true"]');
    await expect(focused).toHaveCount(1);
    await expect(focused.getByRole('link')).toHaveText(me);
    await expect(focused.getByRole('link')).toHaveAttribute('href', /^\/people\/[0-9a-f-]{36}$/);
    await expect(focused).toBeInViewport();
    // The signed-in person's own reports are open from the start.
    await expect(toggle(page, me)).toHaveAttribute('aria-expanded', 'true');

    const name = await expandFirstCollapsed(page, reportsOf(page, (await focused.getAttribute('data-person'))!));
    const manager = card(page, name);
    const cards = reportsOf(page, await idOf(page, name));
    const [direct, everyone] = await countsOf(manager);
    await expect(cards).toHaveCount(direct);
    let sum = 0;
    const managerBox = (await manager.boundingBox())!;
    for (const report of await cards.all()) {
      sum += (await countsOf(report))[1] + 1;
      // Top-down: every report is drawn below their manager.
      expect((await report.boundingBox())!.y).toBeGreaterThan(managerBox.y + managerBox.height);
    }
    expect(everyone).toBe(sum);
    // The demo company is one tree of 200 active people: everyone else is under its root.
    const root = page.locator('[data-person]:not([data-parent])');
    await expect(root).toHaveCount(1);
    expect((await countsOf(root))[1]).toBe(199);
    // A line reaches every report drawn: at the middle of its top (side by side) or of its left (stacked).
    const unjoined = await page.locator('[data-chart="graphical"]').evaluate((drawing) => {
      const d = drawing.querySelector('svg path')?.getAttribute('d') ?? '';
      const ends = new Set([...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => `${Number(m[1])},${Number(m[2])}`));
      return [...drawing.querySelectorAll<HTMLElement>('[data-parent]')]
        .filter((card) => {
          const [x, y] = [parseFloat(card.style.left), parseFloat(card.style.top)];
          return !ends.has(`${x + card.offsetWidth / 2},${y}`) && !ends.has(`${x},${y + card.offsetHeight / 2}`);
        })
        .map((card) => card.dataset.person);
    });
    expect(unjoined).toEqual([]);
    expect(await page.locator('[data-parent]').count()).toBeGreaterThan(direct);

    await toggle(page, name).click();
    await expect(toggle(page, name)).toHaveAttribute('aria-expanded', 'false');
    await expect(cards).toHaveCount(0);
  },
);

test('search jumps to a person: the chart opens there with the path from the top expanded', async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  await openChart(page);
  // Two levels down from the root, through people the page did not open.
  const top = page.locator('[data-person]:not([data-parent])').first();
  const topName = (await top.getByRole('link').textContent())!;
  const manager = await expandFirstCollapsed(page, reportsOf(page, (await top.getAttribute('data-person'))!));
  const target = await expandFirstCollapsed(page, reportsOf(page, await idOf(page, manager)));
  const targetId = await idOf(page, target);

  await page.goto(tenantUrl('acme', '/'));
  await openChart(page);
  await page.getByLabel('Find a person in the chart').fill(target);
  await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('link', { name: new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .first()
    .click();
  await expect(page).toHaveURL(tenantUrl('acme', `/org?person=${targetId}`));
  const focused = page.locator('[data-person][aria-current="true"]');
  await expect(focused.getByRole('link')).toHaveText(target);
  await expect(focused).toBeInViewport();
  for (const above of [topName, manager]) await expect(toggle(page, above)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, target)).toHaveAttribute('aria-expanded', 'true');
});

test('the list view is lists within lists, worked from the keyboard; the address keeps it', { tag: '@phone' }, async ({ demoSession, page }) => {
  const me = await enterDemo(page, demoSession);
  await openChart(page);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
  await expect(page).toHaveURL(tenantUrl('acme', '/org?view=list'));
  await expect(page.locator('[data-chart="graphical"]')).toHaveCount(0);
  // Each level is a list inside the item of the person it reports to, from the top.
  const mine = page.getByRole('list', { name: 'Org chart' }).getByRole('list', { name: `Reports of ${me}` });
  await expect(mine).toHaveCount(1);
  const button = mine.getByRole('button', { name: /^Reports of /, expanded: false }).first();
  const name = ((await button.getAttribute('aria-label')) ?? '').replace(/^Reports of /, '');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(
    mine
      .getByRole('list', { name: `Reports of ${name}` })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(mine.getByRole('list', { name: `Reports of ${name}` })).toHaveCount(0);

  await page.reload();
  await untilHydrated(page);
  await expect(page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List', pressed: true })).toBeVisible();
  await expect(page.getByRole('list', { name: `Reports of ${me}` })).toBeVisible();
  expect(await seriousViolations(page, 'org chart, list view')).toEqual([]);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Chart' }).click();
  await expect(page).toHaveURL(tenantUrl('acme', '/org'));
  await expect(page.locator('[data-chart="graphical"]')).toBeVisible();
});

/** A GET from inside the page (so with its cookies, and *.localhost resolved by the browser). */
async function getJson(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: await response.json() };
  }, path);
}

/** Presses a download button; answers the file's name and bytes. */
async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('the drawn chart downloads as SVG and PNG as it is shown, and prints alone across the page', async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  await openChart(page);
  const drawing = page.locator('[data-chart="graphical"]');
  const names = await drawing.locator('[data-person] a').allTextContents();
  expect(names.length).toBeGreaterThan(3);

  const svg = await downloaded(page, 'Download SVG');
  expect(svg.name).toMatch(/^org-chart-\d{4}-\d{2}-\d{2}\.svg$/);
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  // Everyone drawn, and no one else: a card (a rounded box) and a bold name for each.
  expect(text.match(/<rect [^>]*rx="8"/g)).toHaveLength(names.length);
  const bold = [...text.matchAll(/<text [^>]*font-weight="600" fill="#0f172a"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  expect(bold.sort()).toEqual([...names].sort());
  // Photos travel inside the file, in a format every SVG reader knows.
  expect(text).toContain('<image href="data:image/jpeg;base64,');
  expect((await sharp(svg.bytes).metadata()).width).toBe(await drawing.evaluate((e) => (e as HTMLElement).offsetWidth));

  const png = await downloaded(page, 'Download PNG');
  expect(png.name).toMatch(/^org-chart-\d{4}-\d{2}-\d{2}\.png$/);
  const [width, height] = await drawing.evaluate((e) => [(e as HTMLElement).offsetWidth, (e as HTMLElement).offsetHeight]);
  const image = sharp(png.bytes);
  expect(await image.metadata()).toMatchObject({ format: 'png', width: width * 2, height: height * 2 });
  // Drawn, not blank: dark text and lines on white.
  const { channels } = await image.stats();
  expect(channels[0].min).toBeLessThan(80);
  expect(channels[0].max).toBe(255);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByLabel('Find a person in the chart')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  const content = page.getByTestId('org-chart-content');
  expect(await content.locator('..').evaluate((e) => getComputedStyle(e).overflow)).toBe('visible');
  // Wider than the page, so shrunk to fit its width as printing starts.
  expect(width).toBeGreaterThan(1000);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  expect(Number(await content.evaluate((e) => getComputedStyle(e).zoom))).toBeLessThan(1);
  await expect(drawing).toBeVisible();
});

test('an unknown or malformed person is 404, and the reports API answers 401 and 404 in JSON', async ({ demoSession, page, browser }) => {
  await enterDemo(page, demoSession);
  expect((await page.goto(tenantUrl('acme', `/org?person=${randomUUID()}`)))?.status()).toBe(404);
  expect((await page.goto(tenantUrl('acme', '/org?person=nobody')))?.status()).toBe(404);

  await openChart(page);
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

test('zoom buttons, ctrl+wheel and dragging change the view; the page passes axe', { tag: '@phone' }, async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  await openChart(page);
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
