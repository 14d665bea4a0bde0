import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect } from 'vitest';
import { checkTenantAlerts } from '../../lib/alerts/alert-checks';
import { deliverAlerts } from '../../lib/alerts/alert-outbox';
import { platformDb, tenantDb } from '../../lib/db';
import { closeMailer } from '../../lib/mail/mailer';
import { flushProvisioningLog } from '../../lib/scim/provisioning-log-queue';
import { createServiceAccountToken } from '../../lib/tokens/create-service-account-token';
import { revokeToken } from '../../lib/tokens/service-accounts';
import { startMailServer, type MailServer } from '../../tools/dev-mail/mail-server';
import { test, useScimHarness } from '../support/scim-harness';

// Email alerts end to end in one process: the harness's SCIM client plays
// Entra (calling, going silent, failing on purpose), the checks run as the
// scheduled job runs them, and a real SMTP server (STARTTLS, AUTH, one allowed
// sender) receives what is sent.

useScimHarness();

const SENDER = 'alerts@orgwiki.test';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SYSTEM = { type: 'system', label: 'alerts test' } as const;
let mail: MailServer;

beforeAll(async () => {
  const dir = process.env.TEST_TLS_DIR!;
  const tls = { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  mail = await startMailServer({ port: 0, httpPort: null, tls, sender: SENDER });
});
beforeEach(() => {
  process.env.SMTP_URL = mail.smtpUrl;
  process.env.MAIL_FROM = `TheOrgWiki <${SENDER}>`;
  mail.clear();
});
afterAll(async () => {
  closeMailer();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await mail.close();
});

/** The tenant behind the test's SCIM client, with two admins who have addresses and one who has none. */
async function withAdmins(subdomain: string) {
  const tenant = (await platformDb.findTenantBySubdomain(subdomain))!;
  const db = tenantDb(tenant.id);
  const admin = (userName: string, workEmail: string | null) => db.user.create({ data: { tenantId: tenant.id, userName, workEmail, role: 'admin' } });
  const hassan = await admin('hassan@acme.example', 'hassan.mueller@acme.example');
  const quinn = await admin('quinn@acme.example', null);
  await admin('no-address', null);
  await db.user.create({ data: { tenantId: tenant.id, userName: 'member@acme.example', role: 'member' } });
  // The harness's token was made before the admins; its alert is not what these tests look at.
  await db.alert.deleteMany({});
  return { tenant, hassan, quinn, fresh: async () => (await platformDb.findTenantBySubdomain(subdomain))! };
}

const subjects = () => mail.messages().map((m) => m.subject);

describe('alerts', () => {
  test('a token expiring is reported 30, 7 and 1 days ahead, once each, to every admin with an address', async ({ tenant: scim }) => {
    const { tenant } = await withAdmins(scim.subdomain);
    const now = new Date();
    await createServiceAccountToken(
      tenant.id,
      { serviceAccountName: 'Entra', tokenName: 'Rotation', expiresAt: new Date(now.getTime() + 20 * DAY_MS) },
      SYSTEM,
    );
    await deliverAlerts(tenant.id, now);
    expect(subjects()).toEqual([`[${tenant.displayName}] alerts test created token “Rotation”`]);
    mail.clear();

    await checkTenantAlerts(tenant, now);
    await checkTenantAlerts(tenant, new Date(now.getTime() + HOUR_MS));
    expect(subjects()).toEqual([`[${tenant.displayName}] Token “Rotation” expires in 20 days`]);
    const [first] = mail.messages();
    expect(first!.to).toEqual(['hassan.mueller@acme.example', 'quinn@acme.example']);
    expect(first!.envelope.from).toBe(SENDER);
    expect(first!.text).toContain('Generate token');
    expect(first!.text).toContain(`/admin/settings/service-accounts`);

    await checkTenantAlerts(tenant, new Date(now.getTime() + 14 * DAY_MS));
    await checkTenantAlerts(tenant, new Date(now.getTime() + 19.5 * DAY_MS));
    await checkTenantAlerts(tenant, new Date(now.getTime() + 19.6 * DAY_MS));
    expect(subjects()).toEqual([
      `[${tenant.displayName}] Token “Rotation” expires in 20 days`,
      `[${tenant.displayName}] Token “Rotation” expires in 6 days`,
      `[${tenant.displayName}] Token “Rotation” expires in 1 day`,
    ]);
  });

  test('Entra going silent after calling is reported once per silence, and not before it ever called', async ({ tenant: scim }) => {
    const { tenant } = await withAdmins(scim.subdomain);
    const now = new Date();
    await checkTenantAlerts(tenant, new Date(now.getTime() + 5 * HOUR_MS));
    expect(subjects()).toEqual([]);

    expect((await scim.scim.get('/Users?count=1')).status).toBe(200);
    await expect.poll(async () => (await tenantDb(tenant.id).apiToken.findFirst())!.lastUsedAt).not.toBeNull();
    await checkTenantAlerts(tenant, new Date(now.getTime() + HOUR_MS));
    expect(subjects()).toEqual([]);
    await checkTenantAlerts(tenant, new Date(now.getTime() + 3 * HOUR_MS));
    await checkTenantAlerts(tenant, new Date(now.getTime() + 4 * HOUR_MS));
    expect(subjects()).toEqual([`[${tenant.displayName}] Microsoft Entra ID has sent nothing for over 2 hours`]);
    expect(mail.messages()[0]!.text).toContain('Is the job in quarantine?');

    // The threshold is the tenant's: at 6 hours, 3 hours of quiet after a new request say nothing.
    await tenantDb(tenant.id).apiToken.updateMany({ data: { lastUsedAt: new Date(now.getTime() + 5 * HOUR_MS) } });
    await platformDb.updateTenantSettings(tenant.id, { alertSilenceHours: 6 });
    const patient = (await platformDb.findTenantBySubdomain(scim.subdomain))!;
    await checkTenantAlerts(patient, new Date(now.getTime() + 8 * HOUR_MS));
    expect(subjects()).toHaveLength(1);
    await checkTenantAlerts(patient, new Date(now.getTime() + 12 * HOUR_MS));
    expect(subjects()).toHaveLength(2);
  });

  test('a failure rate over the threshold is reported, and a few failures among few requests are not', async ({ tenant: scim }) => {
    const { tenant } = await withAdmins(scim.subdomain);
    for (let i = 0; i < 4; i += 1) await scim.scim.get(`/Users/${randomUUID()}`);
    await flushProvisioningLog();
    await checkTenantAlerts(tenant);
    expect(subjects()).toEqual([]);

    for (let i = 0; i < 18; i += 1) await scim.scim.get('/Users?count=1');
    await flushProvisioningLog();
    await checkTenantAlerts(tenant);
    expect(subjects()).toEqual([`[${tenant.displayName}] 18% of Microsoft Entra ID's requests failed in the last hour`]);
    expect(mail.messages()[0]!.text).toContain('/admin/provisioning?outcome=failure');
    await checkTenantAlerts(tenant);
    expect(subjects()).toHaveLength(1);

    // At 20%, 18% is no alarm.
    await tenantDb(tenant.id).alert.deleteMany({});
    await platformDb.updateTenantSettings(tenant.id, { alertFailurePercent: 20 });
    await checkTenantAlerts((await platformDb.findTenantBySubdomain(scim.subdomain))!);
    expect(subjects()).toHaveLength(1);
  });

  test('two instances checking at once write and send each alert once', async ({ tenant: scim }) => {
    const { tenant } = await withAdmins(scim.subdomain);
    const now = new Date();
    await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'Short', expiresAt: new Date(now.getTime() + 3 * DAY_MS) }, SYSTEM);
    await Promise.all([checkTenantAlerts(tenant, now), checkTenantAlerts(tenant, now), checkTenantAlerts(tenant, now)]);
    expect(subjects().sort()).toEqual(
      [`[${tenant.displayName}] Token “Short” expires in 3 days`, `[${tenant.displayName}] alerts test created token “Short”`].sort(),
    );
    expect(await tenantDb(tenant.id).alert.count()).toBe(2);
  });

  test('a token revoked is reported to the admins chosen, and a mail server that is down is tried again later', async ({ tenant: scim }) => {
    const { tenant, quinn } = await withAdmins(scim.subdomain);
    await platformDb.updateTenantSettings(tenant.id, { alertRecipientIds: [quinn.id] });
    const [token] = await tenantDb(tenant.id).apiToken.findMany();
    const now = new Date();
    process.env.SMTP_URL = 'smtp://orgwiki:wrong@localhost:1';
    await revokeToken(tenant.id, { type: 'user', id: quinn.id, label: 'Quinn Okafor' }, token!.id);
    await deliverAlerts(tenant.id, now);
    const [pending] = await tenantDb(tenant.id).alert.findMany();
    expect(pending).toMatchObject({ kind: 'token_revoked', status: 'pending', attempts: 1 });
    expect(pending!.error).toMatch(/ECONNREFUSED|connect/);

    process.env.SMTP_URL = mail.smtpUrl;
    await deliverAlerts(tenant.id, now);
    expect(subjects()).toEqual([]);
    await deliverAlerts(tenant.id, new Date(now.getTime() + 3 * 60_000));
    expect(subjects()).toEqual([`[${tenant.displayName}] Quinn Okafor revoked token “entra”`]);
    expect(mail.messages()[0]!.to).toEqual(['quinn@acme.example']);
    expect(await tenantDb(tenant.id).alert.findFirst()).toMatchObject({ status: 'sent', recipients: ['quinn@acme.example'], error: null });
  });

  test('with email off, or alerts turned off, nothing is sent and the alert says why', async ({ tenant: scim }) => {
    const { tenant, fresh } = await withAdmins(scim.subdomain);
    delete process.env.SMTP_URL;
    await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'Quiet' }, SYSTEM);
    await deliverAlerts(tenant.id);
    expect(await tenantDb(tenant.id).alert.findFirst()).toMatchObject({ status: 'skipped', error: 'Email is not set up on this server (SMTP_URL).' });

    process.env.SMTP_URL = mail.smtpUrl;
    await platformDb.updateTenantSettings(tenant.id, { alertsEnabled: false });
    await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'Expiring', expiresAt: new Date(Date.now() + DAY_MS / 2) }, SYSTEM);
    await checkTenantAlerts(await fresh());
    expect(subjects()).toEqual([]);
    const alerts = await tenantDb(tenant.id).alert.findMany({ orderBy: { createdAt: 'asc' } });
    // The token's creation is recorded, not sent; the expiry is not even checked.
    expect(alerts.map((a) => [a.kind, a.status])).toEqual([
      ['token_created', 'skipped'],
      ['token_created', 'skipped'],
    ]);
  });
});
