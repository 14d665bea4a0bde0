import { tenantDb, type Prisma } from '../db';

// "Is provisioning working?" at a glance, from the provisioning log.

export interface Counts {
  created: number;
  updated: number;
  deactivated: number;
  deleted: number;
  requests: number;
  failures: number;
}

export interface ProvisioningStatus {
  lastRequestAt: Date | null;
  lastTestConnectionAt: Date | null;
  usersProvisioned: number;
  groups: number;
  activeTokens: number;
  today: Counts;
  week: Counts;
  /** Tokens exist but Entra has sent nothing for over two hours (its cycle is about 40 minutes). */
  silent: boolean;
}

const SILENCE_MS = 2 * 60 * 60 * 1000;

async function counts(tenantId: string, since: Date): Promise<Counts> {
  const db = tenantDb(tenantId);
  const scim = { at: { gte: since }, action: { startsWith: 'scim.' } } satisfies Prisma.AuditEventWhereInput;
  const [created, updated, deactivated, deleted, requests, failures] = await Promise.all([
    db.auditEvent.count({ where: { at: { gte: since }, action: 'scim.user.create' } }),
    db.auditEvent.count({ where: { at: { gte: since }, action: { in: ['scim.user.patch', 'scim.user.replace'] } } }),
    db.auditEvent.count({
      where: { at: { gte: since }, action: { in: ['scim.user.patch', 'scim.user.replace'] }, details: { path: ['active'], string_ends_with: '→ false' } },
    }),
    db.auditEvent.count({ where: { at: { gte: since }, action: 'scim.user.delete' } }),
    db.auditEvent.count({ where: scim }),
    db.auditEvent.count({ where: { ...scim, details: { path: ['status'], gte: 400 } } }),
  ]);
  return { created, updated, deactivated, deleted, requests, failures };
}

export async function provisioningStatus(tenantId: string): Promise<ProvisioningStatus> {
  const db = tenantDb(tenantId);
  const now = new Date();
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [last, test, usersProvisioned, groups, activeTokens, today, week] = await Promise.all([
    db.auditEvent.findFirst({ where: { action: { startsWith: 'scim.' }, actorType: 'service_account' }, orderBy: { at: 'desc' }, select: { at: true } }),
    db.auditEvent.findFirst({
      where: { action: 'scim.get', details: { path: ['testConnection'], equals: true } },
      orderBy: { at: 'desc' },
      select: { at: true },
    }),
    db.user.count({ where: { provisioned: true } }),
    db.group.count(),
    db.apiToken.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    counts(tenantId, midnight),
    counts(tenantId, new Date(now.getTime() - 7 * 86_400_000)),
  ]);
  const lastRequestAt = last?.at ?? null;
  return {
    lastRequestAt,
    lastTestConnectionAt: test?.at ?? null,
    usersProvisioned,
    groups,
    activeTokens,
    today,
    week,
    silent: activeTokens > 0 && (!lastRequestAt || now.getTime() - lastRequestAt.getTime() > SILENCE_MS),
  };
}
