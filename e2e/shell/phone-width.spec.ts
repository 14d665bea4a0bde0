import type { Page } from '@playwright/test';
import { E2E_ROOT } from '../../playwright.config';
import { PAGES, type GuardedPage } from '../security/support/access-table';
import { pageFiles } from '../security/support/app-routes';
import { buildWorld, type World } from '../security/support/world';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// Every page the app has (found in app/, as the isolation matrix finds them),
// at 390 px: signed out, as a member and as an admin of the tenant, nothing
// scrolls sideways, the header is one row, and every dialog the page opens
// (a button with aria-haspopup="dialog", components/ui/dialog.tsx) fits the
// screen with all its buttons. The pages' own specs check axe at this width.

const WIDTH = 390;

/** The address of a public page: its pattern, and somewhere that does not exist for the catch-all. */
const publicPath = (pattern: string) => (pattern === '/[...missing]' ? '/no-such-page-here' : pattern);

async function overflow(page: Page, url: string): Promise<string | null> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(500);
  const [scroll, inner, header] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
    document.querySelector('header')?.getBoundingClientRect().height ?? 0,
  ]);
  if (scroll > inner) return `${url}: ${scroll}px wide in a ${inner}px window`;
  // One row: the logo's 28 px and the controls' 32 px, with its padding.
  if (header > 72) return `${url}: the header is ${Math.round(header)}px tall (more than one row)`;
  return null;
}

/**
 * Opens each kind of dialog on the page not opened before (`seen`: by its button's text), and answers what
 * does not fit: the dialog, or a button in it, outside the window.
 */
async function dialogsThatDoNotFit(page: Page, url: string, seen: Set<string>): Promise<string[]> {
  const problems: string[] = [];
  for (const opener of await page.locator('button[aria-haspopup="dialog"]:visible').all()) {
    const kind = ((await opener.textContent()) ?? '').trim();
    if (seen.has(kind)) continue;
    seen.add(kind);
    const dialog = page.locator('dialog[open]');
    // Until the page has hydrated, the button does nothing: press until the dialog shows.
    await expect(async () => {
      if ((await dialog.count()) === 0) await opener.click();
      await expect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const outside = await dialog.evaluate((element) => {
      const inWindow = (r: DOMRect) => r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
      const buttons = [...element.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0);
      return [
        ...(inWindow(element.getBoundingClientRect()) ? [] : ['the dialog']),
        ...buttons.filter((b) => !inWindow(b.getBoundingClientRect())).map((b) => `its button "${b.textContent?.trim()}"`),
      ];
    });
    if (outside.length) problems.push(`${url}: opened by "${kind}", ${outside.join(', ')} outside the window`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
  return problems;
}

test('every page and its dialogs fit a phone, signed out, as a member and as an admin', async ({ browser }) => {
  test.setTimeout(180_000);
  const world: World = await buildWorld();
  const keys = pageFiles().map((p) => `${p.site} ${p.pattern}`);
  expect(
    keys.filter((key) => !PAGES[key]),
    'pages the access table does not know',
  ).toEqual([]);

  const visitors = {
    anonymous: null,
    member: world.target.sessions.member,
    admin: world.target.sessions.admin,
  } as const;
  // The three visitors at once: most of a visit is waiting for the server, which answers them side by side.
  const results = await Promise.all(
    Object.entries(visitors).map(async ([who, session]) => {
      const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, isMobile: true, hasTouch: true });
      if (session) await context.addCookies([{ name: 'orgwiki_session', value: session, domain: `${world.target.subdomain}.localhost`, path: '/' }]);
      const page = await context.newPage();
      const problems: string[] = [];
      const dialogsSeen = new Set<string>();
      let visited = 0;
      for (const key of keys) {
        const rule = PAGES[key];
        const [site, pattern] = key.split(' ');
        const host = (path: string) => (site === 'apex' ? `http://${E2E_ROOT}${path}` : tenantUrl(world.target.subdomain, path));
        let url: string | null = null;
        if (rule.access === 'public')
          url = who === 'anonymous' ? host(publicPath(pattern)) : site === 'tenant' && pattern !== '/login' ? host(publicPath(pattern)) : null;
        else if (who === 'admin' || (who === 'member' && rule.access === 'member')) url = host((rule as GuardedPage).path(world));
        if (!url) continue;
        visited++;
        const problem = await overflow(page, url);
        if (problem) problems.push(`${who} ${problem}`);
        for (const dialog of await dialogsThatDoNotFit(page, url, dialogsSeen)) problems.push(`${who} ${dialog}`);
      }
      await context.close();
      return { problems, visited, dialogs: dialogsSeen.size };
    }),
  );
  const found = results.flatMap((r) => r.problems);
  const visits = results.reduce((sum, r) => sum + r.visited, 0);
  const dialogs = results.reduce((sum, r) => sum + r.dialogs, 0);
  console.log(`phone width: ${visits} page visits, ${dialogs} dialogs opened`);
  expect(found).toEqual([]);
  expect(visits).toBeGreaterThan(keys.length);
  // Search (each visitor signed in), +Service Account and Manage tokens (the admin).
  expect(dialogs).toBeGreaterThanOrEqual(4);
});
