import { openUserMenu, signInToDemo } from '../support/sign-in';
import { test } from '../support/test';

// `npm run screenshots`: the README's pictures of the Admin Console, taken
// from the real app (the demo company, signed in as its first admin).

test('Service Accounts and Manage Tokens for SCIM provisioning', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 760 });
  await signInToDemo(page);
  await openUserMenu(page, 'Admin Console');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Service Accounts' }).click();
  await page.getByRole('button', { name: '+Service Account' }).click();
  await page.getByRole('dialog', { name: 'Service Account' }).getByRole('button', { name: 'Save' }).click();
  const manage = page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' });
  await manage.getByRole('heading', { name: 'Active Tokens' }).waitFor();
  await page.screenshot({ path: 'docs/screenshots/manage-tokens.png' });
  await manage.getByRole('button', { name: 'Close' }).click();
  await page.screenshot({ path: 'docs/screenshots/service-accounts.png' });
  await page.getByRole('navigation', { name: 'Admin Console' }).getByRole('link', { name: 'Provisioning' }).click();
  await page.getByRole('img', { name: /^Users: changes/ }).waitFor();
  await page.screenshot({ path: 'docs/screenshots/provisioning.png', fullPage: true });
});
