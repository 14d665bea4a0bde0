import { deleteProvisioningHoursBefore, deleteProvisioningLogBefore, platformDb, tenantSql } from '../db';
import type { QueueDefinition } from '../jobs/queue';
import { log } from '../log/log';

// Keeps the provisioning log to its documented length (docs/provisioning.md):
// raw rows 30 days, as Entra keeps its own provisioning logs, and the hourly
// counts behind the charts 400 days. A job of the durable queue, every night,
// once across instances; the audit log of admins' actions is kept whole.

export const RAW_LOG_DAYS = 30;
export const HOURLY_COUNTS_DAYS = 400;
const DAY_MS = 86_400_000;
const BATCH = 10_000;

export async function pruneProvisioningLog(now = new Date(), signal?: AbortSignal): Promise<{ rows: number; hours: number }> {
  const rawBefore = new Date(now.getTime() - RAW_LOG_DAYS * DAY_MS);
  const hoursBefore = new Date(now.getTime() - HOURLY_COUNTS_DAYS * DAY_MS);
  let rows = 0;
  let hours = 0;
  for (const tenant of await platformDb.listTenants()) {
    const sql = tenantSql(tenant.id);
    let gone: number;
    do {
      gone = await deleteProvisioningLogBefore(sql, rawBefore, BATCH);
      rows += gone;
    } while (gone === BATCH && !signal?.aborted);
    hours += await deleteProvisioningHoursBefore(sql, hoursBefore);
  }
  return { rows, hours };
}

export const LOG_QUEUES: QueueDefinition[] = [
  {
    name: 'logs.prune',
    onceQueued: true,
    cron: '17 3 * * *',
    async work(_data, signal) {
      const gone = await pruneProvisioningLog(new Date(), signal);
      if (gone.rows + gone.hours > 0) log.info(gone, 'provisioning log: old rows deleted');
    },
  },
];
