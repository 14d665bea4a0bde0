import { insertProvisioningLogRows, isDatabaseUnavailable, tenantSql, type ProvisioningLogRow } from '../db';
import { log } from '../log/log';

// Reads and refusals are logged in batches: writing one row per GET in the
// request's own path would double the database work of a provisioning cycle.
// Changes are logged in their own statement instead (see lib/db/scim).

const FLUSH_MS = 500;
const FLUSH_AT = 500;
/** While the database is away, entries wait for it, up to this many; beyond, the oldest go first. */
const HOLD_AT_MOST = 50_000;
let pending: { tenantId: string; row: ProvisioningLogRow }[] = [];
let timer: NodeJS.Timeout | null = null;

async function flush(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = pending;
  pending = [];
  const byTenant = new Map<string, ProvisioningLogRow[]>();
  for (const { tenantId, row } of batch) {
    const rows = byTenant.get(tenantId) ?? [];
    rows.push(row);
    byTenant.set(tenantId, rows);
  }
  for (const [tenantId, rows] of byTenant) {
    await insertProvisioningLogRows(tenantSql(tenantId), rows).catch((error: Error) => {
      if (!isDatabaseUnavailable(error)) return log.error({ err: error, tenantId, entries: rows.length }, 'provisioning log: entries not written');
      // A restart or failover: keep them for the next flush rather than lose the log of the outage.
      pending = [...rows.map((row) => ({ tenantId, row })), ...pending].slice(-HOLD_AT_MOST);
      timer ??= setTimeout(() => void flush(), FLUSH_MS * 4);
    });
  }
}

export function queueProvisioningLog(tenantId: string, row: ProvisioningLogRow): void {
  pending.push({ tenantId, row: { ...row, at: row.at ?? new Date() } });
  if (pending.length >= FLUSH_AT) void flush();
  else timer ??= setTimeout(() => void flush(), FLUSH_MS);
}

/** Writes what is queued now (tests, shutdown). */
export function flushProvisioningLog(): Promise<void> {
  return flush();
}
