import { randomUUID } from 'node:crypto';
import { createServiceAccountThroughTutorial } from '../support/admin-console';
import { receivedMail } from '../support/mail';
import { adminTenant } from '../support/scim-fixtures';
import { signIn } from '../support/sign-in';
import { tenantUrl } from '../support/sites';
import { expect, test } from '../support/test';

// Alerts through the running server: its job queue delivers them to the local
// mail server that `npm run demo` starts, and Settings → Alerts says who gets
// them and lists what was sent.

test('a token made in the console is emailed to the admins by the job queue, and Settings → Alerts lists it', async ({ page }) => {
  const tenant = await adminTenant();
  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/settings'));
  const name = `Alerted ${randomUUID().slice(0, 8)}`;
  await createServiceAccountThroughTutorial(page, name);

  // The account's first token is "Token 1"; the mail names the tenant and links to the page.
  await expect
    .poll(async () => (await receivedMail()).filter((m) => m.subject.includes('created token “Token 1”') && m.text.includes(name)).length, { timeout: 20_000 })
    .toBe(1);
  const mail = (await receivedMail()).find((m) => m.text.includes(name))!;
  expect(mail.to).toEqual(['boss@e2e.example']);
  expect(mail.subject).toMatch(/^\[SCIM test scim-[0-9a-f]+\] boss created token “Token 1”$/);
  expect(mail.text).toContain(tenantUrl(tenant.subdomain, '/admin/settings/service-accounts'));

  await page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Alerts' }).click();
  const recent = page.getByRole('table', { name: 'Recent alerts' });
  await expect(recent.getByRole('row', { name: /boss created token “Token 1”/ })).toContainText('Sent');
  await expect(recent.getByRole('row', { name: /boss created token “Token 1”/ })).toContainText('boss@e2e.example');
});

test('Settings → Alerts: who gets them and the thresholds, with bad input answered in words', async ({ page }) => {
  const tenant = await adminTenant();
  await signIn(page, tenant.subdomain, { tid: tenant.tid, userName: 'boss@e2e.example' });
  await page.goto(tenantUrl(tenant.subdomain, '/admin/settings/alerts'));
  await expect(page.getByRole('checkbox', { name: 'Email alerts about provisioning' })).toBeChecked();
  const boss = page.getByRole('group', { name: 'Who gets them' }).getByRole('checkbox', { name: /boss/ });
  await expect(boss).not.toBeChecked();

  await page.getByLabel('Failures in an hour (%)').fill('45');
  await page.getByRole('button', { name: 'Save alert settings' }).click();
  // The browser's own check stops it first; past that, the server says the same in words.
  await expect(page.getByLabel('Failures in an hour (%)')).toHaveJSProperty('validity.valid', false);
  await page.getByLabel('Failures in an hour (%)').evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
  await page.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(page.getByText('Entra quarantines at about 40%: alert below that, at most 39%.')).toBeVisible();

  await page.getByLabel('Failures in an hour (%)').fill('25');
  await page.getByLabel('Silent after (hours)').fill('6');
  await boss.check();
  await page.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(page.getByText('Alert settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Failures in an hour (%)')).toHaveValue('25');
  await expect(page.getByLabel('Silent after (hours)')).toHaveValue('6');
  await expect(boss).toBeChecked();

  await page.goto(tenantUrl(tenant.subdomain, '/admin/audit'));
  await expect(page.getByRole('table', { name: 'Admin actions' }).getByRole('rowheader').first()).toHaveText('boss changed who gets alerts, and when');
  await page.goto(tenantUrl(tenant.subdomain, '/admin/provisioning'));
  await expect(page.getByText('Email alerts are on')).toBeVisible();
});
