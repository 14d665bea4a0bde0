// What every file store is (file-store.ts picks one). Keys are content
// addresses chosen by the caller, so a file never changes once written and
// may be cached for ever. Each tenant's files are apart.

export interface StoredFile {
  contentType: string;
  bytes: Buffer;
}

export interface FileStore {
  put(tenantId: string, key: string, file: StoredFile): Promise<void>;
  get(tenantId: string, key: string): Promise<StoredFile | null>;
  delete(tenantId: string, keys: string[]): Promise<void>;
}

const SAFE_PART = /^[a-z0-9][a-z0-9.-]{0,127}$/;

/**
 * `<tenant id>/<key>`, where a folder or a bucket keeps the file. Keys come
 * from our own code, but a path must never leave its tenant whatever it is given.
 */
export function tenantPath(tenantId: string, key: string): string {
  if (!SAFE_PART.test(key) || !SAFE_PART.test(tenantId)) throw new Error(`Refused a file key: ${JSON.stringify(key)}`);
  return `${tenantId}/${key}`;
}
