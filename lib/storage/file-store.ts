import path from 'node:path';
import { getConfig } from '../config';
import { deleteStoredFiles, getStoredFile, putStoredFile } from '../db';
import { folderStore } from './folder-store';
import { s3Store } from './s3-store';
import type { FileStore } from './store';

// The one storage interface for files (photos today, wiki images next),
// configured by FILE_STORAGE (README, Configuration): the database by default,
// a folder every instance shares, or an S3-compatible bucket.

export type { FileStore, StoredFile } from './store';

const databaseStore: FileStore = {
  put: (tenantId, key, file) => putStoredFile(tenantId, key, file.contentType, file.bytes),
  get: (tenantId, key) => getStoredFile(tenantId, key),
  delete: (tenantId, keys) => deleteStoredFiles(tenantId, keys),
};

export function fileStore(): FileStore {
  const config = getConfig();
  if (config.FILE_STORAGE === 'filesystem') return folderStore(path.resolve(config.FILE_STORAGE_DIR));
  // The configuration's own check makes sure these are set (lib/config.ts).
  if (config.FILE_STORAGE === 's3')
    return s3Store({ url: config.S3_URL!, region: config.S3_REGION, accessKeyId: config.S3_ACCESS_KEY_ID!, secretAccessKey: config.S3_SECRET_ACCESS_KEY! });
  return databaseStore;
}
