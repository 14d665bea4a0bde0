import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-event';
import { platformDb, tenantDb, type Tenant } from '../db';
import { mailAddress, NAME_COLUMNS, personName } from '../directory/person-name';
import { AppError } from '../errors';
import { mailEnabled } from '../mail/mailer';
import { forgetTenant } from '../tenancy/tenant-lookup';

// Settings → Alerts: whether the tenant's admins are emailed about
// provisioning, which of them, and the thresholds; with the alerts written
// lately and what became of each.

interface AlertAdmin {
  id: string;
  name: string;
  /** Where alerts go; null: this admin has no address and gets none. */
  email: string | null;
}

export interface AlertSettingsView {
  mailEnabled: boolean;
  enabled: boolean;
  /** Chosen admins; empty: every admin. */
  recipientIds: string[];
  silenceHours: number;
  failurePercent: number;
  admins: AlertAdmin[];
  recent: { id: string; createdAt: Date; subject: string; status: string; recipients: string[]; error: string | null }[];
}

const RECENT = 20;

export async function alertSettingsView(tenant: Tenant): Promise<AlertSettingsView> {
  const db = tenantDb(tenant.id);
  const [admins, recent] = await Promise.all([
    db.user.findMany({
      where: { role: 'admin', active: true },
      select: { id: true, ...NAME_COLUMNS, workEmail: true },
      orderBy: { userName: 'asc' },
    }),
    db.alert.findMany({
      orderBy: { createdAt: 'desc' },
      take: RECENT,
      select: { id: true, createdAt: true, subject: true, status: true, recipients: true, error: true },
    }),
  ]);
  return {
    mailEnabled: mailEnabled(),
    enabled: tenant.alertsEnabled,
    recipientIds: tenant.alertRecipientIds,
    silenceHours: tenant.alertSilenceHours,
    failurePercent: tenant.alertFailurePercent,
    admins: admins.map((a) => ({ id: a.id, name: personName(a), email: mailAddress(a) })),
    recent,
  };
}

const settingsInput = z.object({
  enabled: z
    .literal('on')
    .nullish()
    .transform((value) => value === 'on'),
  recipientIds: z.array(z.guid('Choose admins from the list.')).max(100),
  silenceHours: z.coerce
    .number({ message: 'Enter a number of hours.' })
    .int('Enter a whole number of hours.')
    .min(1, 'Entra provisions about every 40 minutes: allow it at least 1 hour.')
    .max(72, 'At most 72 hours.'),
  failurePercent: z.coerce
    .number({ message: 'Enter a percentage.' })
    .int('Enter a whole percentage.')
    .min(1, 'At least 1%.')
    .max(39, 'Entra quarantines at about 40%: alert below that, at most 39%.'),
});

export async function updateAlertSettings(
  cached: Tenant,
  actor: Actor,
  input: { enabled: unknown; recipientIds: unknown[]; silenceHours: unknown; failurePercent: unknown },
): Promise<void> {
  const parsed = settingsInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0].message);
  const { enabled, recipientIds, silenceHours, failurePercent } = parsed.data;
  const admins = await tenantDb(cached.id).user.count({ where: { id: { in: recipientIds }, role: 'admin', active: true } });
  if (admins !== new Set(recipientIds).size) throw new AppError('invalid_input', 'Alerts go to admins only: choose admins from the list.');
  const tenant = (await platformDb.findTenantBySubdomain(cached.subdomain)) ?? cached;
  const changes: Record<string, string> = {};
  if (enabled !== tenant.alertsEnabled) changes.alertsEnabled = `${tenant.alertsEnabled} → ${enabled}`;
  if ([...recipientIds].sort().join() !== [...tenant.alertRecipientIds].sort().join()) changes.alertRecipients = `${recipientIds.length || 'every admin'}`;
  if (silenceHours !== tenant.alertSilenceHours) changes.alertSilenceHours = `${tenant.alertSilenceHours} → ${silenceHours}`;
  if (failurePercent !== tenant.alertFailurePercent) changes.alertFailurePercent = `${tenant.alertFailurePercent} → ${failurePercent}`;
  if (Object.keys(changes).length === 0) return;
  await platformDb.updateTenantSettings(tenant.id, {
    alertsEnabled: enabled,
    alertRecipientIds: [...new Set(recipientIds)],
    alertSilenceHours: silenceHours,
    alertFailurePercent: failurePercent,
  });
  await recordAuditEvent(tenantDb(tenant.id), tenant.id, { actor, action: 'alerts.update', details: changes });
  await forgetTenant(tenant.subdomain);
}

/** What the Provisioning page says about alerts: on, turned off by an admin, or impossible without email. */
export function alertsState(tenant: Pick<Tenant, 'alertsEnabled'>): 'on' | 'turned-off' | 'no-email' {
  if (!mailEnabled()) return 'no-email';
  return tenant.alertsEnabled ? 'on' : 'turned-off';
}
