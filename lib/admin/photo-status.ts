import type { Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-event';
import { countPhotos, latestPhotoError, makePhotosDue, tenantDb, type PhotoCounts, type Tenant } from '../db';
import { requestPhotoSync } from '../photos/photo-jobs';

// The Provisioning tab's "Photos": how people's photos from Microsoft Graph
// stand (synced, pending, failed), why none come when the directory has not
// granted the permission, and "Sync now".

export interface PhotoStatus {
  /** Photos come from the bound directory; a tenant without one has none to sync. */
  bound: boolean;
  counts: PhotoCounts;
  /** The directory has not granted User.Read.All. */
  notPermitted: boolean;
  latestError: { error: string; checkedAt: Date } | null;
}

export async function photoStatus(tenant: Tenant): Promise<PhotoStatus> {
  const [counts, latestError] = await Promise.all([countPhotos(tenant.id), latestPhotoError(tenant.id)]);
  return { bound: tenant.entraTenantId !== null, counts, notPermitted: counts.not_permitted > 0, latestError };
}

/** Asks Graph again for everyone's photo now (after an admin consented, or to pick up changes before the daily check). */
export async function syncPhotosNow(tenant: Tenant, actor: Actor): Promise<number> {
  const due = await makePhotosDue(tenant.id);
  await requestPhotoSync(tenant);
  await recordAuditEvent(tenantDb(tenant.id), tenant.id, { actor, action: 'photos.sync', details: { people: due } });
  return due;
}
