import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { E2E_PORT } from '../../playwright.config';
import { MARK_SCRIPT, payloadsThatRan, XSS_CORPUS } from '../security/xss-corpus';
import { httpRequest } from '../support/http';
import { expect, test } from '../support/test';
import { richText, wikiCompany, writePage, type WikiCompany } from './wiki-fixtures';

// The rich editor as people use it: typing with markdown shortcuts, the slash
// menu, formatting keys, @mentions and [[page links, paste from Word and from
// the web, images and attachments, saving, and restoring an older revision.

test.describe.configure({ timeout: 120_000 });

/** Pastes `html` into the editor as the browser does for a copy from Word or a web page. */
async function pasteHtml(text: Locator, html: string, plain = ''): Promise<void> {
  await text.evaluate(
    (element, [markup, words]) => {
      const data = new DataTransfer();
      data.setData('text/html', markup);
      data.setData('text/plain', words);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, plain] as const,
  );
}

/** Types `query` after a trigger and picks `option` from the list it opens. */
async function pick(page: Page, text: Locator, typed: string, list: string, option: RegExp | string): Promise<void> {
  await text.pressSequentially(typed);
  const choice = page.getByRole('listbox', { name: list }).getByRole('option', { name: option });
  await expect(choice).toBeVisible();
  await expect(choice).toHaveAttribute('aria-selected', 'true');
  await text.press('Enter');
  await expect(page.getByRole('listbox', { name: list })).toBeHidden();
}

async function newPage(page: Page, company: WikiCompany, title: string): Promise<Locator> {
  await page.goto(company.url('/wiki/new'));
  const text = await richText(page);
  await page.getByLabel('Title').fill(title);
  await text.click();
  return text;
}

test('typing, the slash menu, shortcuts, a mention and a page link make the page they show', async ({ page }) => {
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  await writePage(page, company, 'Team Handbook', 'All about us.');

  const text = await newPage(page, company, 'Runbook');
  // Markdown shortcuts as one types.
  await text.pressSequentially('## On call');
  await text.press('Enter');
  await text.pressSequentially('Ask ');
  await pick(page, text, '@pat', 'People', /PAT Person/);
  await text.pressSequentially('first, then read ');
  await pick(page, text, '[[hand', 'Pages', 'Team Handbook');
  await text.press('Control+b');
  await text.pressSequentially('today');
  await text.press('Control+b');
  await text.press('Enter');
  // The slash menu: what is typed after "/" narrows it; Escape closes it and keeps the text.
  await text.pressSequentially('/zzz');
  await expect(page.getByText('No block called “zzz”')).toBeVisible();
  await text.press('Escape');
  for (let i = 0; i < 4; i += 1) await text.press('Backspace');
  await pick(page, text, '/check', 'Blocks', /Checklist/);
  await text.pressSequentially('Page the lead');
  await text.press('Enter');
  await text.press('Enter');
  await pick(page, text, '/warn', 'Blocks', /Warning/);
  await text.pressSequentially('Never restart the database by day.');
  await text.press('Enter');
  await text.press('Enter');
  await pick(page, text, '/table', 'Blocks', /Table/);
  await text.pressSequentially('Service');
  await text.press('Tab');
  await text.pressSequentially('Owner');
  await expect(page.getByRole('toolbar', { name: 'Table' })).toBeVisible();
  // What the editor shows, before saving.
  await expect(text.getByRole('heading', { name: 'On call' })).toBeVisible();
  await expect(text.getByRole('link', { name: '@PAT Person' })).toHaveAttribute('href', `/people/${company.ids.pat}`);
  await expect(page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'false');

  await page.getByRole('button', { name: 'Create page' }).press('Enter');
  await expect(page).toHaveURL(company.url('/wiki/runbook'));
  const article = page.getByRole('region', { name: 'Page text' });
  await expect(article.getByRole('heading', { name: 'On call' })).toBeVisible();
  await expect(article.getByRole('link', { name: '@PAT Person' })).toHaveAttribute('href', `/people/${company.ids.pat}`);
  await expect(article.getByRole('link', { name: 'Team Handbook' })).toHaveAttribute('href', '/wiki/team-handbook');
  await expect(article.getByText('today')).toHaveJSProperty('tagName', 'STRONG');
  await expect(article.getByRole('listitem').filter({ hasText: 'Page the lead' })).toContainText('☐');
  await expect(article.locator('.callout-warning')).toContainText('WarningNever restart the database by day.');
  await expect(article.getByRole('table').getByRole('columnheader')).toHaveText(['Service', 'Owner', '']);

  // The mention feeds the profile, as a markdown mention does.
  await page.goto(company.url(`/people/${company.ids.pat}`));
  await expect(page.getByRole('list', { name: 'Pages that mention them' }).getByRole('link')).toHaveText(['Runbook']);

  // The stored form is markdown: the switch shows it, and back.
  await page.goto(company.url('/wiki/runbook/edit'));
  await richText(page);
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  const source = page.getByRole('textbox', { name: 'Markdown', exact: true });
  await expect(source).toHaveValue(
    new RegExp(`^## On call\\n\\nAsk \\[@PAT Person\\]\\(/people/${company.ids.pat}\\) first, then read \\[Team Handbook\\]\\(/wiki/team-handbook\\)`),
  );
  await expect(source).toHaveValue(/- \[ \] Page the lead/);
  await expect(source).toHaveValue(/> \[!WARNING\]\n> Never restart the database by day\./);
});

test('paste from Word and from a web page comes out clean; images and attachments upload, are checked and served safely', async ({ page }) => {
  await page.context().addInitScript(MARK_SCRIPT);
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  const text = await newPage(page, company, 'Office Guide');

  // Word: classes, styles, its own tags and comments.
  await pasteHtml(
    text,
    `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment--><p class=MsoNormal style='margin:0;color:#C00000'><b><span style='font-family:Calibri'>Doors open at eight</span></b><o:p></o:p></p>
     <ul><li class=MsoListParagraph style='mso-list:l0 level1 lfo1'>Badge at reception</li></ul><!--EndFragment--></body></html>`,
    'Doors open at eight',
  );
  await expect(text.getByText('Doors open at eight')).toHaveJSProperty('tagName', 'STRONG');
  await expect(text.getByRole('listitem')).toHaveText('Badge at reception');
  // A web page with everything the corpus tries, on a line of its own after the list.
  await text.press('Enter');
  await text.press('Enter');
  await pasteHtml(text, `<h2 style="color:red" onclick="mark(99)">Parking</h2>${XSS_CORPUS.join('<br>')}<p><a href="https://example.com/map">Map</a></p>`);
  await expect(text.getByRole('heading', { name: 'Parking' })).toBeVisible();
  await expect(text.getByRole('link', { name: 'Map' })).toHaveAttribute('href', 'https://example.com/map');
  // (ProseMirror's own table columns carry a width style.)
  expect(await text.locator(':not(col)[style], [class*="Mso"], script, iframe, svg, object, embed, form, [onclick], [onerror], [onload]').count()).toBe(0);
  expect(await text.locator('a[href^="javascript" i], a[href^="data" i]').count()).toBe(0);

  // An image: re-encoded and shown; a text file: a link that downloads; anything else refused in words.
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: 'secret location' } } })
    .toBuffer();
  expect(photo.includes(Buffer.from('secret location'))).toBe(true);
  const files = page.getByLabel('Add an image or file');
  await files.setInputFiles({ name: 'Floor plan.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByRole('status').filter({ hasText: 'Added Floor plan.jpg.' })).toBeVisible();
  await expect(text.getByRole('img', { name: 'Floor-plan' })).toBeVisible();
  await files.setInputFiles({ name: 'wifi.txt', mimeType: 'text/plain', buffer: Buffer.from('Network: Initech-Guest\n') });
  await expect(text.getByRole('link', { name: '📎 wifi.txt' })).toBeVisible();
  // A screenshot pasted, and a picture dropped onto the text, go the same way.
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#2a2' } })
    .png()
    .toBuffer();
  for (const [how, name] of [
    ['paste', 'Pasted shot'],
    ['drop', 'Dropped shot'],
  ] as const) {
    await text.evaluate(
      (element, [kind, fileName, base64]) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], `${fileName}.png`, { type: 'image/png' }));
        const box = element.getBoundingClientRect();
        const event =
          kind === 'paste'
            ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
            : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.left + 20, clientY: box.bottom - 10 });
        element.dispatchEvent(event);
      },
      [how, name, png.toString('base64')] as const,
    );
    await expect(text.getByRole('img', { name: name.replace(' ', '-') })).toBeVisible();
  }
  await files.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0090\u0000binary') });
  await expect(page.getByRole('status').filter({ hasText: /Could not add setup\.exe: This kind of file cannot be attached/ })).toBeVisible();
  await files.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload="mark(98)"/>') });
  await expect(page.getByRole('status').filter({ hasText: /Could not add fake\.png: This kind of file cannot be attached/ })).toBeVisible();

  await page.getByRole('button', { name: 'Create page' }).press('Enter');
  await expect(page).toHaveURL(company.url('/wiki/office-guide'));
  const article = page.getByRole('region', { name: 'Page text' });
  const image = article.getByRole('img', { name: 'Floor-plan' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);

  // The files as the browser fetches them, with the person's session, and without one.
  const host = new URL(company.url('/')).host;
  const session = (await page.context().cookies()).find((c) => c.name === 'orgwiki_session')!.value;
  const fetchFile = (path: string, signedIn = true) =>
    httpRequest({ port: E2E_PORT, host, path, headers: signedIn ? { Cookie: `orgwiki_session=${session}` } : {} });
  const imagePath = (await image.getAttribute('src'))!;
  const served = await fetchFile(imagePath);
  expect(served.status).toBe(200);
  expect(served.headers).toMatchObject({
    'content-type': 'image/webp',
    'x-content-type-options': 'nosniff',
    'content-disposition': expect.stringMatching(/^inline; filename="Floor-plan\.webp"/),
    'cache-control': 'private, max-age=31536000, immutable',
  });
  expect(served.headers['content-security-policy']).toContain('sandbox');
  expect(served.text).not.toContain('secret location');

  const attachment = article.getByRole('link', { name: '📎 wifi.txt' });
  const download = await fetchFile((await attachment.getAttribute('href'))!);
  expect(download.headers).toMatchObject({
    'content-type': 'text/plain; charset=utf-8',
    'content-disposition': expect.stringMatching(/^attachment; filename="wifi\.txt"/),
    'x-content-type-options': 'nosniff',
  });
  expect(download.text).toBe('Network: Initech-Guest\n');
  // Signed out, the file is not there for anyone.
  expect((await fetchFile(imagePath, false)).status).toBe(401);
  expect(await payloadsThatRan(page)).toEqual([]);
});

test('the XSS corpus typed into the editor is text, and an older revision comes back', async ({ page }) => {
  await page.context().addInitScript(MARK_SCRIPT);
  const company = await wikiCompany();
  await company.enter(page, 'dev');
  const text = await newPage(page, company, 'Snippets');
  for (const payload of XSS_CORPUS) {
    await text.pressSequentially(payload, { delay: 0 });
    await text.press('Enter');
  }
  await page.getByRole('button', { name: 'Create page' }).press('Enter');
  await expect(page).toHaveURL(company.url('/wiki/snippets'));
  const article = page.getByRole('region', { name: 'Page text' });
  await expect(article).toContainText('<script>mark(1)</script>');
  await expect(article).toContainText('<a href="&#106;avascript:mark(30)">entity</a>');
  expect(await article.locator('script, img, svg, iframe, details, object, embed, form, meta, base, style, [onerror], [onload], [onclick]').count()).toBe(0);

  // A second revision in the editor, then the first restored.
  await page.goto(company.url('/wiki/snippets/edit'));
  const editing = await richText(page);
  await editing.fill('Nothing to see here.');
  await page.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(article).toHaveText('Nothing to see here.');
  await page.goto(company.url('/wiki/snippets/history/1'));
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Restore this revision' }).press('Enter');
  await expect(page).toHaveURL(company.url('/wiki/snippets'));
  await expect(article).toContainText('<script>mark(1)</script>');
  await page.goto(company.url('/wiki/snippets/edit'));
  await expect(await richText(page)).toContainText('<img src=x onerror="mark(2)">');
  expect(await payloadsThatRan(page)).toEqual([]);
});
