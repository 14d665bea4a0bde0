import { chromium, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { CHROMIUM_LAUNCH } from '../../playwright.config';
import { issueSignInTicket, redeemSignInTicket, SESSION_COOKIE } from '../../lib/auth/tenant-session';
import { tenantDb } from '../../lib/db';
import { createPage } from '../../lib/wiki/create-page';
import { printTable, runBench } from './bench-harness';

// `npm run bench:editor [-- --keys 200]`: whether a long page stays quick to
// type in. The production build serves a short page and one of at least 50
// screens (headings, paragraphs, lists, a table and code every few sections);
// Chromium opens each in the rich editor and types into the middle and the
// end, and each keystroke's input-to-paint time is taken in the page: from the
// key's event time to the first task after the frame that shows it.

const keys = Number(process.argv.find((a, i) => process.argv[i - 1] === '--keys') ?? 200);

function longText(sections: number): string {
  const words = 'the team ships small changes often and reviews each one before it reaches customers'.split(' ');
  const sentence = (n: number) => Array.from({ length: 18 }, (_, i) => words[(n + i) % words.length]).join(' ') + '.';
  return Array.from({ length: sections }, (_, s) => {
    const blocks = [`## Section ${s + 1}`, [sentence(s), sentence(s + 3), sentence(s + 5)].join(' '), [sentence(s + 1), sentence(s + 2)].join(' ')];
    blocks.push(Array.from({ length: 5 }, (_, i) => `- ${i % 2 ? '[ ] ' : ''}${sentence(s + i).slice(0, 60)}`).join('\n'));
    if (s % 5 === 0)
      blocks.push('| Service | Owner | Hours |\n| --- | --- | --- |\n' + Array.from({ length: 5 }, (_, i) => `| svc-${i} | team ${i} | ${i * 2} |`).join('\n'));
    if (s % 7 === 0) blocks.push('```ts\n' + Array.from({ length: 6 }, (_, i) => `const value${i} = compute(${i});`).join('\n') + '\n```');
    return blocks.join('\n\n');
  }).join('\n\n');
}

/** Within a page's 100,000 characters (lib/wiki/page-input.ts): just over 50 screens at 1280×900. */
const LONG_SECTIONS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Types `count` keys where the caret is, a key each 60 ms (a fast typist), and answers each one's input-to-paint in ms. */
async function typeAndTime(page: Page, count: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[] };
    w.latencies = [];
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - start), 0));
      },
      true,
    );
  });
  const text = 'quick brown fox jumps over the lazy dog ';
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.type(text[i % text.length]);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

await runBench(
  {
    name: 'bench:editor',
    size: 200,
    withContent: false,
    async prepare(tenant) {
      const ceo = await tenantDb(tenant.id).user.findFirstOrThrow({ where: { managerId: null, active: true }, select: { id: true } });
      await createPage(tenant.id, ceo.id, { title: 'Short page', body: 'A few lines.\n\n- one\n- two\n', parentSlug: '' });
      await createPage(tenant.id, ceo.id, { title: 'Long page', body: longText(LONG_SECTIONS), parentSlug: '' });
      const binding = randomBytes(32).toString('base64url');
      const session = await redeemSignInTicket(tenant.id, await issueSignInTicket(tenant.id, ceo.id, binding), binding);
      if (!session) throw new Error('could not open a session for the bench');
      return { token: session.token };
    },
    ready: () => ({ path: '/login' }),
  },
  async (site, { token }) => {
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: site.host.split(':')[0], path: '/' }]);
      const rows: string[][] = [];
      for (const [slug, where] of [
        ['short-page', 'end'],
        ['long-page', 'middle'],
        ['long-page', 'end'],
      ] as const) {
        const page = await context.newPage();
        const opened = Date.now();
        await page.goto(`http://${site.host}/wiki/${slug}/edit`);
        const text = page.getByRole('textbox', { name: 'Text', exact: true });
        await text.waitFor({ state: 'visible', timeout: 60_000 });
        const ready = Date.now() - opened;
        const screens = await text.evaluate((el) => el.scrollHeight / window.innerHeight);
        await text.evaluate((el, at) => {
          const blocks = el.querySelectorAll('p');
          const target = at === 'middle' ? blocks[Math.floor(blocks.length / 2)] : blocks[blocks.length - 1];
          const range = document.createRange();
          range.selectNodeContents(target);
          range.collapse(false);
          (el as HTMLElement).focus();
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          target.scrollIntoView({ block: 'center' });
        }, where);
        const times = (await typeAndTime(page, keys)).sort((a, b) => a - b);
        rows.push([
          `${slug === 'long-page' ? 'long page' : 'short page'}, typing at the ${where}`,
          screens.toFixed(1),
          String(ready),
          String(times.length),
          percentile(times, 50).toFixed(1),
          percentile(times, 95).toFixed(1),
          times[times.length - 1].toFixed(1),
        ]);
        await page.close();
      }
      printTable(['page', 'screens', 'editor ready ms', 'keys', 'p50 ms', 'p95 ms', 'max ms'], rows);
    } finally {
      await browser.close();
    }
  },
);
