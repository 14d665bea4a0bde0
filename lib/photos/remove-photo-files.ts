import { unreferencedPhotoKeys } from '../db';
import { fileStore } from '../storage/file-store';
import { photoFileName, PHOTO_SIZES } from './photo-files';

/** Deletes the files of photos that nobody's photo names any more (a photo Graph replaced, an upload removed). */
export async function deletePhotoFilesIfUnused(tenantId: string, keys: string[]): Promise<void> {
  const unused = await unreferencedPhotoKeys(tenantId, [...new Set(keys)]);
  await fileStore().delete(
    tenantId,
    unused.flatMap((key) => PHOTO_SIZES.map((size) => photoFileName(key, size))),
  );
}
