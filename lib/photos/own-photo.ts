import { setUploadedPhoto, tenantDb, type Tenant } from '../db';
import { AppError } from '../errors';
import { MAX_PHOTO_BYTES } from './image';
import { deletePhotoFilesIfUnused } from './remove-photo-files';
import { storePhoto } from './store-photo';

// A person's own photo, where the tenant allows it. The rule (docs/photos.md):
// their upload shows instead of Microsoft 365's until they remove it; the
// sync keeps Graph's photo beside it, so removing it brings that one back.

async function currentUpload(tenantId: string, userId: string): Promise<string | null> {
  const row = await tenantDb(tenantId).personPhoto.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { uploadKey: true } });
  return row?.uploadKey ?? null;
}

export async function hasOwnPhoto(tenantId: string, userId: string): Promise<boolean> {
  return (await currentUpload(tenantId, userId)) !== null;
}

/** Stores `file` (from the form) as the person's photo, after the same checks as every photo. */
export async function uploadOwnPhoto(tenant: Tenant, userId: string, file: unknown): Promise<void> {
  if (!tenant.allowPhotoUpload) throw new AppError('forbidden', 'Your organization does not let people upload their own photo.');
  if (!(file instanceof Blob) || file.size === 0) throw new AppError('invalid_input', 'Choose a photo to upload.');
  // Refused before reading it: the action's body limit is only a little above this.
  if (file.size > MAX_PHOTO_BYTES) throw new AppError('invalid_input', `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  const before = await currentUpload(tenant.id, userId);
  const key = await storePhoto(tenant.id, Buffer.from(await file.arrayBuffer()));
  await setUploadedPhoto(tenant.id, userId, key);
  if (before && before !== key) await deletePhotoFilesIfUnused(tenant.id, [before]);
}

/** Removes the person's own photo; their Microsoft 365 photo (or initials) shows again. */
export async function removeOwnPhoto(tenant: Tenant, userId: string): Promise<void> {
  const before = await currentUpload(tenant.id, userId);
  if (!before) return;
  await setUploadedPhoto(tenant.id, userId, null);
  await deletePhotoFilesIfUnused(tenant.id, [before]);
}
