import { z } from 'zod';
import { platformDb, whileLocked } from '../db';
import { sendJob, type QueueDefinition } from '../jobs/queue';
import { log } from '../log/log';
import { syncDuePhotos } from './sync-photos';

// The photo jobs: a round every minute finds the tenants with photos due and
// queues one sync for each; provisioning queues a tenant's sync at once, so a
// new person's photo does not wait for the round.

const SYNC = 'photos.sync';
const ROUND = 'photos.round';
/** A sync hands over to a fresh job after this long, so no job outlives pg-boss's expiry and tenants take turns. */
const SYNC_SLICE_MS = 4 * 60_000;
/** Provisioning arrives in bursts: the sync starts this long after the first change, and takes the whole burst. */
const SYNC_DELAY_S = 2;

const syncData = z.object({ tenantId: z.guid(), entraTenantId: z.guid() });

async function sync(sent: unknown, signal: AbortSignal): Promise<void> {
  const data = syncData.parse(sent);
  // One sync of a tenant at a time, across instances: another running already takes what is due.
  const figures = await whileLocked(`photos.sync:${data.tenantId}`, () =>
    syncDuePhotos({ id: data.tenantId, entraTenantId: data.entraTenantId }, { deadline: Date.now() + SYNC_SLICE_MS, signal }),
  );
  if (!figures) return;
  if (figures.checked > 0) log.info({ tenantId: data.tenantId, ...figures }, 'photos: synced');
  if (figures.more && !signal.aborted) await sendJob(SYNC, data, { key: data.tenantId, delaySeconds: figures.throttled ? 30 : 0 });
}

async function round(): Promise<void> {
  for (const tenant of await platformDb.tenantsWithPhotosDue()) {
    await sendJob(SYNC, { tenantId: tenant.id, entraTenantId: tenant.entraTenantId }, { key: tenant.id });
  }
}

export const PHOTO_QUEUES: QueueDefinition[] = [
  { name: SYNC, onceQueued: true, work: sync },
  { name: ROUND, onceQueued: true, cron: '* * * * *', work: round },
];

/** Queues the tenant's photo sync soon (after SCIM created or changed people, or an admin asked). */
export async function requestPhotoSync(tenant: { id: string; entraTenantId: string | null }): Promise<void> {
  if (!tenant.entraTenantId) return;
  await sendJob(SYNC, { tenantId: tenant.id, entraTenantId: tenant.entraTenantId }, { key: tenant.id, delaySeconds: SYNC_DELAY_S });
}
