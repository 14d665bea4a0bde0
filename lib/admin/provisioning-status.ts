import { provisioningTotal, tenantDb, tenantSql, type ProvisioningCounts } from '../db';

export type { ProvisioningCounts };

// "Is provisioning working?" at a glance: the tokens' use and the hourly counts
// of the provisioning log (lib/db/provisioning).

/**
 * - `no-token`: nothing can provision until an admin creates a token.
 * - `waiting`: tokens exist, none used yet: the admin is still connecting Entra.
 * - `receiving`: Entra called within the silence threshold.
 * - `silent`: Entra called before, but not for longer than the threshold.
 */
export type ConnectionState = 'no-token' | 'waiting' | 'receiving' | 'silent';

export interface ProvisioningStatus {
  state: ConnectionState;
  /** Hours without a request after which Entra counts as silent (the tenant's alert setting). */
  silenceHours: number;
  /** The last request with an active token (its "last used", written at most once a minute). */
  lastRequestAt: Date | null;
  lastTestConnectionAt: Date | null;
  usersProvisioned: number;
  groups: number;
  activeTokens: number;
  /** Changes to users; requests and failures of every kind. */
  today: ProvisioningCounts;
  week: ProvisioningCounts;
}

const HOUR_MS = 3_600_000;

async function counts(tenantId: string, since: Date): Promise<ProvisioningCounts> {
  const sql = tenantSql(tenantId);
  const [users, all] = await Promise.all([provisioningTotal(sql, since, ['User']), provisioningTotal(sql, since, ['User', 'Group', 'Other'])]);
  return { ...users, requests: all.requests, failures: all.failures };
}

export function connectionState(activeTokens: number, lastRequestAt: Date | null, now: Date, silenceMs: number): ConnectionState {
  if (activeTokens === 0) return 'no-token';
  if (!lastRequestAt) return 'waiting';
  return now.getTime() - lastRequestAt.getTime() > silenceMs ? 'silent' : 'receiving';
}

/** `silenceHours`: the tenant's (Settings → Alerts); Entra's cycle is about 40 minutes. */
export async function provisioningStatus(tenantId: string, silenceHours: number, now = new Date()): Promise<ProvisioningStatus> {
  const db = tenantDb(tenantId);
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekAgo = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 7 * 24 * HOUR_MS);
  const active = { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const [used, tested, usersProvisioned, groups, activeTokens, today, week] = await Promise.all([
    db.apiToken.aggregate({ where: active, _max: { lastUsedAt: true } }),
    // On the tokens, not searched for in the log: the log holds millions of reads.
    db.apiToken.aggregate({ _max: { testConnectionAt: true } }),
    db.user.count({ where: { provisioned: true } }),
    db.group.count(),
    db.apiToken.count({ where: active }),
    counts(tenantId, midnight),
    counts(tenantId, weekAgo),
  ]);
  const lastRequestAt = used._max.lastUsedAt;
  return {
    state: connectionState(activeTokens, lastRequestAt, now, silenceHours * HOUR_MS),
    silenceHours,
    lastRequestAt,
    lastTestConnectionAt: tested._max.testConnectionAt,
    usersProvisioned,
    groups,
    activeTokens,
    today,
    week,
  };
}
