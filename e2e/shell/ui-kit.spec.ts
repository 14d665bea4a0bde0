import { COLOUR_RULES, phoneWidthFindings, seriousViolations } from '../support/axe';
import { createServiceAccountThroughTutorial } from '../support/admin-console';
import { adminTenant } from '../support/scim-fixtures';
import { showUserMenu, signIn, enterDemo, userMenu } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// components/ui: the avatar menu closes as a disclosure should, dialogs fit a
// phone, tables become cards on one, in both colour schemes.

test('the avatar menu closes on Escape, a press outside, Tab past its end, and after following one of its links', async ({ demoSession, page }) => {
  await enterDemo(page, demoSession);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const signOut = nav.getByRole('button', { name: 'Sign out' });

  await showUserMenu(page);
  await page.mouse.click(10, 400);
  await expect(signOut).toBeHidden();

  await showUserMenu(page);
  await page.keyboard.press('Escape');
  await expect(signOut).toBeHidden();
  await expect(userMenu(page)).toBeFocused();

  // Keyboard only: Enter opens, Tab walks the items, Tab past Sign out leaves and closes.
  await page.keyboard.press('Enter');
  await expect(signOut).toBeVisible();
  for (const name of ['My profile', 'Admin Console']) {
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name })).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(signOut).toBeHidden();
  await expect(userMenu(page)).toHaveAttribute('aria-expanded', 'false');

  // next/link keeps the header: the menu must close itself.
  await showUserMenu(page);
  await nav.getByRole('link', { name: 'My profile' }).click();
  await expect(page).toHaveURL(/\/people\//);
  await expect(signOut).toBeHidden();
});

test('at phone width the Admin Console tables are cards, dialogs fit and scroll, in light and dark mode', async ({ page }) => {
  test.setTimeout(120_000);
  const tenant = await adminTenant();
  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/settings'));
  await createServiceAccountThroughTutorial(page, 'Entra');
  await page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' }).getByRole('button', { name: 'Close' }).click();

  await page.setViewportSize({ width: 390, height: 600 });
  const found = await phoneWidthFindings(page, (path) => tenantUrl(tenant.subdomain, path), [
    '/admin/settings/service-accounts',
    '/admin/members',
    '/admin/provisioning',
    '/admin/audit',
  ]);
  expect(found).toEqual([]);

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/settings/service-accounts'));
  await expect(page.getByRole('table', { name: 'Service accounts' })).toBeHidden();
  const cards = page.getByRole('list', { name: 'Service accounts' });
  // The fixture's "Microsoft Entra provisioning" and the tutorial's "Entra".
  await expect(cards.getByRole('listitem')).toHaveCount(2);
  await expect(cards.getByRole('listitem').last()).toContainText('Active tokens');
  await cards.getByRole('button', { name: 'Manage tokens of Entra', exact: true }).click();
  const manage = page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' });
  const box = (await manage.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(600);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // The title bar stays; the body scrolls to the last button.
  await manage.getByRole('button', { name: 'Delete service account' }).scrollIntoViewIfNeeded();
  await expect(manage.getByRole('button', { name: 'Delete service account' })).toBeInViewport();
  await expect(manage.getByRole('heading', { name: 'Manage Tokens for SCIM provisioning' })).toBeInViewport();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const rules = scheme === 'light' ? undefined : COLOUR_RULES;
    expect(await seriousViolations(page, `manage dialog @390 (${scheme})`, { selector: 'dialog[open]', rules })).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(manage).toBeHidden();
  await expect(cards.getByRole('button', { name: 'Manage tokens of Entra', exact: true })).toBeFocused();
});

test('the member pages pass axe at phone width, in light and dark mode', async ({ demoSession, page }) => {
  test.setTimeout(150_000);
  await enterDemo(page, demoSession);
  await page.goto(tenantUrl('acme', '/people'));
  const profile = (await page.getByRole('list', { name: 'People' }).getByRole('link').first().getAttribute('href'))!;
  await page.setViewportSize({ width: 390, height: 800 });
  const found = await phoneWidthFindings(page, (path) => tenantUrl('acme', path), [
    '/',
    profile,
    '/teams',
    '/wiki',
    '/wiki/handbook',
    '/wiki/handbook/history',
    '/search?q=handbook',
  ]);
  expect(found).toEqual([]);
});
