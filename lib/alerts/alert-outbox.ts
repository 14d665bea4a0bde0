import { getConfig } from '../config';
import { tenantDb, type Tenant, type TenantTx } from '../db';
import { mailAddress } from '../directory/person-name';
import { log } from '../log/log';
import { mailEnabled, sendMail } from '../mail/mailer';
import { siteOrigin } from '../tenancy/host';
import type { NewAlert } from './alert-texts';

// The alerts' outbox: an alert is a row, written once per condition and period
// (unique per tenant and key, so two instances checking at once write one), and
// delivered from there by whichever instance claims it first. A delivery that
// fails is tried again later; the row says what happened, and the Admin
// Console lists it.

const CLAIM_MS = 2 * 60_000;
const MAX_ATTEMPTS = 5;
/** After a failed attempt n, the next waits 2^n minutes. */
const retryAfterMs = (attempt: number) => 2 ** attempt * 60_000;

/** Writes the alerts not written before; pass the transaction of the change they report, so that they commit with it. */
export async function raiseAlerts(db: Pick<TenantTx, 'alert'>, tenantId: string, alerts: NewAlert[]): Promise<number> {
  if (alerts.length === 0) return 0;
  const { count } = await db.alert.createMany({ data: alerts.map((alert) => ({ tenantId, ...alert })), skipDuplicates: true });
  return count;
}

/** Every address an alert of the tenant goes to: its active admins with an email address, those chosen if any were. */
async function alertRecipients(tenant: Pick<Tenant, 'id' | 'alertRecipientIds'>): Promise<string[]> {
  const admins = await tenantDb(tenant.id).user.findMany({
    where: { role: 'admin', active: true, ...(tenant.alertRecipientIds.length > 0 ? { id: { in: tenant.alertRecipientIds } } : {}) },
    select: { workEmail: true, userName: true },
    orderBy: { userName: 'asc' },
  });
  return admins.map(mailAddress).filter((address): address is string => !!address);
}

type Outcome = { status: 'sent' | 'skipped'; recipients: string[]; error: string | null };

async function delivery(tenant: Tenant, alert: { subject: string; body: string; link: string }): Promise<Outcome> {
  if (!tenant.alertsEnabled) return { status: 'skipped', recipients: [], error: 'Alerts are turned off in Settings → Alerts.' };
  if (!mailEnabled()) return { status: 'skipped', recipients: [], error: 'Email is not set up on this server (SMTP_URL).' };
  const recipients = await alertRecipients(tenant);
  if (recipients.length === 0) return { status: 'skipped', recipients, error: 'No admin chosen for alerts has an email address.' };
  const page = `${siteOrigin(getConfig().ROOT_DOMAIN, tenant.subdomain)}${alert.link}`;
  await sendMail({
    to: recipients,
    subject: `[${tenant.displayName}] ${alert.subject}`,
    text: `${alert.body}\n\nOpen: ${page}\n\n—\nYou get this as an admin of ${tenant.displayName} on TheOrgWiki. Who gets alerts, and when: ${siteOrigin(getConfig().ROOT_DOMAIN, tenant.subdomain)}/admin/settings/alerts`,
  });
  return { status: 'sent', recipients, error: null };
}

/** Delivers the tenant's pending alerts that no other instance holds; returns how many were sent. */
export async function deliverAlerts(tenantId: string, now = new Date()): Promise<number> {
  const db = tenantDb(tenantId);
  const due = await db.alert.findMany({
    where: { status: 'pending', OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  if (due.length === 0) return 0;
  const tenant = await db.tenant.findFirst();
  if (!tenant) return 0;
  let sent = 0;
  for (const alert of due) {
    // The claim: of several instances, the one whose update matched the unclaimed row delivers it.
    const claimed = await db.alert.updateMany({
      where: { id: alert.id, status: 'pending', OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    try {
      const outcome = await delivery(tenant, alert);
      await db.alert.updateMany({ where: { id: alert.id }, data: { ...outcome, sentAt: outcome.status === 'sent' ? new Date() : null, claimedUntil: null } });
      if (outcome.status === 'sent') sent += 1;
    } catch (error) {
      const attempts = alert.attempts + 1;
      const message = (error as Error).message.slice(0, 500);
      const gaveUp = attempts >= MAX_ATTEMPTS;
      await db.alert.updateMany({
        where: { id: alert.id },
        data: { error: message, ...(gaveUp ? { status: 'failed', claimedUntil: null } : { claimedUntil: new Date(now.getTime() + retryAfterMs(attempts)) }) },
      });
      log.warn({ err: error, tenantId, alert: alert.key, attempts }, gaveUp ? 'alerts: given up sending' : 'alerts: sending failed, will retry');
    }
  }
  return sent;
}
