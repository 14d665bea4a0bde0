import sharp from 'sharp';
import { E2E_PORT, E2E_ROOT } from '../../playwright.config';
import { expectHome } from '../auth/provisioned-tenant';
import { httpRequest } from '../support/http';
import { adminTenant } from '../support/scim-fixtures';
import { openUserMenu, signIn, enterDemo, userMenu } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// People's photos (docs/photos.md): the demo company's directory consented to
// User.Read.All, so the server's photo job has fetched its people's photos from
// the local Graph by the time anyone looks; a directory that did not consent
// gets initials and an Admin Console that says why; where an admin allows it,
// a person uploads their own.

const PHOTO_URL = /^\/api\/photos\/[0-9a-f]{64}-(64|256)\.webp$/;

test('the demo shows people’s Microsoft 365 photos, served at content addresses to members only', async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  await page.goto(tenantUrl('acme', '/people'));
  const photos = page.getByRole('main').locator('li img');
  // The job runs as the server starts; reloading shows what it has stored so far.
  await expect(async () => {
    await page.reload();
    expect(await photos.count()).toBeGreaterThan(10);
  }).toPass({ timeout: 30_000 });
  const first = photos.first();
  await first.scrollIntoViewIfNeeded();
  await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
  const src = (await first.getAttribute('src'))!;
  expect(src).toMatch(PHOTO_URL);

  const served = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), cache: response.headers.get('cache-control') };
  }, src);
  expect(served).toEqual({ status: 200, type: 'image/webp', cache: 'private, max-age=31536000, immutable' });
  expect((await httpRequest({ port: E2E_PORT, host: `acme.${E2E_ROOT}`, path: src })).status).toBe(401);

  await openUserMenu(page, 'Admin Console');
  await page.getByRole('link', { name: 'Provisioning' }).click();
  const panel = page.getByRole('region', { name: 'Photos' });
  const synced = Number((await panel.locator('dt', { hasText: 'Photos synced' }).locator('+ dd').textContent())!.replaceAll(',', ''));
  expect(synced).toBeGreaterThan(100);
  await expect(panel.getByText('User.Read.All')).toHaveCount(0);
});

test('a directory without User.Read.All shows initials and the Admin Console says why; a person uploads their own photo where allowed', async ({ page }) => {
  const tenant = await adminTenant();
  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await expectHome(page, tenant.subdomain);
  await page.goto(tenantUrl(tenant.subdomain, '/admin/provisioning'));
  const panel = page.getByRole('region', { name: 'Photos' });
  // Provisioning queued a sync two seconds after the first person; Graph refuses it.
  await expect(async () => {
    await page.reload();
    await expect(panel.getByRole('status')).toContainText('has not granted TheOrgWiki the application permission User.Read.All', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(panel.getByRole('link', { name: 'grant admin consent' })).toHaveAttribute('href', new RegExp(`/${tenant.tid}/adminconsent\\?client_id=`));
  await expect(userMenu(page).locator('img')).toHaveCount(0);

  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.getByLabel(/People may upload their own photo/).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await openUserMenu(page, 'My profile');
  const form = page.locator('form', { has: page.getByLabel('Your photo') });
  await form.getByLabel('Your photo').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload=alert(1)>') });
  await form.getByRole('button', { name: 'Upload photo' }).click();
  await expect(form.getByText('This is not a picture we can read.')).toBeVisible();

  const portrait = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2a7' } })
    .jpeg()
    .toBuffer();
  await form.getByLabel('Your photo').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: portrait });
  await form.getByRole('button', { name: 'Upload photo' }).click();
  await expect(form.getByText('Photo saved.')).toBeVisible();
  const avatar = page.getByRole('article').locator('header img');
  await expect(avatar).toHaveAttribute('src', PHOTO_URL);
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
  await expect(userMenu(page).locator('img')).toHaveAttribute('src', PHOTO_URL);

  await form.getByRole('button', { name: 'Remove my photo' }).click();
  await expect(form.getByText('Photo removed.')).toBeVisible();
  await expect(page.getByRole('article').locator('header img')).toHaveCount(0);
});
