import { fileStore } from '../storage/file-store';
import { makePhotoFiles } from './image';
import { photoFileName } from './photo-files';

/** Validates a picture, stores its renditions and answers their content address (the key a User's photoKey holds). */
export async function storePhoto(tenantId: string, input: Buffer): Promise<string> {
  const { key, files } = await makePhotoFiles(input);
  const store = fileStore();
  await Promise.all(files.map((file) => store.put(tenantId, photoFileName(key, file.size), { contentType: 'image/webp', bytes: file.bytes })));
  return key;
}
