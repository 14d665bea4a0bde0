import { expect, type Page } from '@playwright/test';

/**
 * The Admin Console's tutorial, from its Settings page, as an admin follows it:
 * Service Accounts → +Service Account → Service Account Type: Token Based →
 * Save; the token is read from Active Tokens, where it is shown once.
 */
export async function createServiceAccountThroughTutorial(page: Page, name?: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Service Accounts' }).click();
  await page.getByRole('button', { name: '+Service Account' }).click();
  const form = page.getByRole('dialog', { name: 'Service Account' });
  if (name) await form.getByLabel('Name').fill(name);
  await form.getByLabel('Service Account Type').selectOption({ label: 'Token Based' });
  await form.getByRole('button', { name: 'Save' }).click();
  const manage = page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' });
  await expect(manage.getByRole('heading', { name: 'Active Tokens' })).toBeVisible();
  await expect(manage.getByText('it will not be shown again')).toBeVisible();
  return manage.getByLabel(/New token/).inputValue();
}
