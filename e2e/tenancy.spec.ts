import { enterDemo } from './support/sign-in';
import { tenantUrl } from './support/sites';
import { expect, test } from './support/test';

test.describe('the apex site', () => {
  test('shows the landing page with pictures of the product, sign-up and a Login link at the top right', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const picture of [page.getByRole('img', { name: /^The people directory/ }), page.getByRole('img', { name: /^The org chart/ })]) {
      await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(960);
    }
    await expect(page.getByRole('link', { name: 'Sign-up for TheOrgWiki' })).toHaveAttribute('href', '/signup');
    const login = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Login' });
    await expect(login).toBeVisible();
    const box = await login.boundingBox();
    const width = page.viewportSize()!.width;
    expect(box!.x + box!.width).toBeGreaterThan(width * 0.75);
    expect(box!.y).toBeLessThan(80);
  });
});

test.describe('a tenant site', () => {
  test('sends a visitor who is not signed in to the sign-in page', async ({ page }) => {
    await page.goto(tenantUrl('acme'));
    await expect(page).toHaveURL(tenantUrl('acme', '/login'));
    await expect(page.getByRole('heading', { name: 'Sign in to Acme Corporation' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Login' })).toHaveAttribute('href', '/auth/start');
    await expect(page.getByText('200 people')).toHaveCount(0);
  });

  test("lists the demo company's people, 50 to a page", async ({ demoSession, page }) => {
    await enterDemo(page, demoSession);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await expect(page.getByText('200 people at Acme Corporation')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Acme Corporation' })).toBeVisible();
    const people = page.getByRole('list', { name: 'People' }).getByRole('listitem');
    await expect(people).toHaveCount(50);
    const firstName = await people.first().getByRole('link').textContent();

    await page.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(page.getByText('Page 2 of 4')).toBeVisible();
    await expect(people.first().getByRole('link')).not.toHaveText(firstName!);
  });

  test('treats a malformed page number as the first page and one past the end as the last', async ({ demoSession, page }) => {
    await enterDemo(page, demoSession);
    expect((await page.goto(tenantUrl('acme', '/people?page=abc')))?.status()).toBe(200);
    await expect(page.getByText('Page 1 of 4')).toBeVisible();
    expect((await page.goto(tenantUrl('acme', '/people?page=99')))?.status()).toBe(200);
    await expect(page.getByText('Page 4 of 4')).toBeVisible();
    await expect(page.getByRole('list', { name: 'People' }).getByRole('listitem')).toHaveCount(50);
  });
});

test.describe('addresses that serve nothing', () => {
  for (const [label, url] of [
    ['an unknown subdomain', tenantUrl('nosuchcompany')],
    ['a reserved subdomain', tenantUrl('www')],
    ['a nested subdomain', tenantUrl('a.acme')],
    ['the internal segment on the apex', '/tenant/acme'],
    ['the internal segment on a tenant', tenantUrl('acme', '/tenant/acme')],
    ['an unknown page of a tenant', tenantUrl('acme', '/no/such/page')],
  ]) {
    test(`${label} shows the 404 page`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(page.getByText('200 people')).toHaveCount(0);
    });
  }

  for (const [label, url] of [
    ['an unknown subdomain', tenantUrl('nosuchcompany', '/api/v2/scim/v2/Users')],
    ['a reserved subdomain', tenantUrl('api', '/api/v2/scim/v2/Users')],
    ['the apex', '/api/v2/scim/v2/Users'],
  ]) {
    // Fetched by the browser, which resolves *.localhost itself (Node's resolver does not).
    test(`SCIM on ${label} answers a SCIM 404`, async ({ page }) => {
      const response = (await page.goto(url))!;
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toContain('application/scim+json');
      expect(await response.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' });
    });
  }
});
