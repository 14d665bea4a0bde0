import { fileStore, type StoredFile } from '../storage/file-store';
import { isPhotoFileName } from './photo-files';

/** A photo file of the tenant by its name in the URL, or null: an unknown name, or another tenant's file, is simply not there. */
export async function readPhotoFile(tenantId: string, name: string): Promise<StoredFile | null> {
  return isPhotoFileName(name) ? fileStore().get(tenantId, name) : null;
}
