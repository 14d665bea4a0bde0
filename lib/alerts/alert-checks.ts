import { platformDb, recentProvisioning, tenantDb, tenantSql, type Tenant } from '../db';
import { deliverAlerts, raiseAlerts } from './alert-outbox';
import { dueAlerts, type AlertFacts } from './alert-texts';

// The scheduled check: for each tenant with alerts on, the facts the alerts
// depend on, the alerts they call for (written once each), then delivery.

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

async function factsOf(tenant: Tenant, now: Date): Promise<AlertFacts> {
  const db = tenantDb(tenant.id);
  const active = { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const [expiring, used, lastHour] = await Promise.all([
    db.apiToken.findMany({
      where: { revokedAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + 31 * DAY_MS) } },
      select: { id: true, name: true, expiresAt: true, serviceAccount: { select: { name: true } } },
    }),
    db.apiToken.aggregate({ where: active, _max: { lastUsedAt: true } }),
    recentProvisioning(tenantSql(tenant.id), new Date(now.getTime() - HOUR_MS)),
  ]);
  return {
    now,
    tokens: expiring.map((t) => ({ id: t.id, name: t.name, account: t.serviceAccount.name, expiresAt: t.expiresAt! })),
    lastRequestAt: used._max.lastUsedAt,
    lastHour,
    silenceHours: tenant.alertSilenceHours,
    failurePercent: tenant.alertFailurePercent,
  };
}

/** Checks one tenant: writes the alerts due, then delivers what is pending. */
export async function checkTenantAlerts(tenant: Tenant, now = new Date()): Promise<{ raised: number; sent: number }> {
  const raised = tenant.alertsEnabled ? await raiseAlerts(tenantDb(tenant.id), tenant.id, dueAlerts(await factsOf(tenant, now))) : 0;
  return { raised, sent: await deliverAlerts(tenant.id, now) };
}

/** Checks every tenant (the scheduled job). */
export async function checkAllAlerts(now = new Date(), signal?: AbortSignal): Promise<{ raised: number; sent: number }> {
  const total = { raised: 0, sent: 0 };
  for (const tenant of await platformDb.listTenants()) {
    if (signal?.aborted) break;
    const checked = await checkTenantAlerts(tenant, now);
    total.raised += checked.raised;
    total.sent += checked.sent;
  }
  return total;
}
