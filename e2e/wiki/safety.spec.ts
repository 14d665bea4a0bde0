import { seriousViolations } from '../support/axe';
import { expect, test } from '../support/test';
import { MARK_SCRIPT, payloadsThatRan, XSS_CORPUS } from '../security/xss-corpus';
import { markdownMode, richText, wikiCompany, writePage } from './wiki-fixtures';

// Page text is anyone's input shown to everyone: it must render inert. And
// every wiki screen must be usable with assistive technology.

const XSS = [
  '<script>window.__xss = 1; alert(1)</script>',
  '<img src=x onerror="window.__xss = 2; alert(2)">',
  '[click me](javascript:alert(3))',
  '<a href="JaVaScRiPt:alert(4)">shouty</a>',
  '<iframe src="javascript:alert(5)"></iframe>',
  '<svg onload="alert(6)"><script>alert(7)</script></svg>',
  '<p style="position:fixed;inset:0" onmouseover="alert(8)">cover</p>',
  '[data](data:text/html,<script>alert(9)</script>)',
  '[external](https://example.com)',
  ...XSS_CORPUS,
].join('\n\n');

// Long journeys through real sign-in and many pages; the machine is shared.
test.describe.configure({ timeout: 90_000 });

test('a page full of script renders inert, in the page and in the preview', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.context().addInitScript(MARK_SCRIPT);
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  await writePage(page, company, 'Totally harmless', XSS);
  const article = page.getByRole('region', { name: 'Page text' });
  await expect(article.getByRole('link', { name: 'external' })).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(article.getByRole('link', { name: 'external' })).toHaveAttribute('target', '_blank');
  await article.getByText('cover').hover();
  for (const name of ['click me', 'shouty', 'data']) {
    expect(await article.getByText(name, { exact: true }).evaluate((el) => el.closest('a')?.getAttribute('href') ?? null)).toBeNull();
  }
  expect(await article.locator('script, iframe, svg, [style], [onerror], [onload], [onmouseover]').count()).toBe(0);

  await page.goto(company.url('/wiki/totally-harmless/edit'));
  await markdownMode(page);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByText('shouty')).toBeVisible();
  expect(await preview.locator('script, iframe, svg, [style], [onerror]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(await payloadsThatRan(page)).toEqual([]);
});

test('the wiki index, a page, the editor, history and a diff pass axe with no serious or critical violations', async ({ page }) => {
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  expect(await seriousViolations(page, '/wiki (empty)')).toEqual([]);
  await writePage(
    page,
    company,
    'Guide',
    `# Guide\n\n- [ ] a task\n- [x] done\n\nAsk [@LEAD Person](/people/${company.ids.lead}).\n\n| a | b |\n|---|---|\n| 1 | 2 |`,
  );
  await page.goto(company.url('/wiki/guide/edit'));
  await (await markdownMode(page)).fill('# Guide\n\nShorter now.');
  await page.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Page text' })).toContainText('Shorter now.');
  for (const path of ['/wiki', '/wiki/guide', '/wiki/guide/edit', '/wiki/new', '/wiki/guide/history', '/wiki/guide/history/2', '/wiki/guide/history/1']) {
    await page.goto(company.url(path));
    if (/\/(edit|new)$/.test(path)) await richText(page);
    expect(await seriousViolations(page, path)).toEqual([]);
  }
});
