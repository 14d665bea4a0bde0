import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tenantPath, type FileStore } from './store';

const CONTENT_TYPES: Record<string, string> = { '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg' };

/** Files under <dir>/<tenant id>/<key>, in a folder every instance shares; the type comes from the key's extension. */
export function folderStore(dir: string): FileStore {
  const fileOf = (tenantId: string, key: string) => path.join(dir, tenantPath(tenantId, key));
  return {
    async put(tenantId, key, file) {
      const target = fileOf(tenantId, key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const aside = `${target}.${randomUUID()}.tmp`;
      await writeFile(aside, file.bytes);
      await rename(aside, target);
    },
    async get(tenantId, key) {
      try {
        const bytes = await readFile(fileOf(tenantId, key));
        return { bytes, contentType: CONTENT_TYPES[path.extname(key)] ?? 'application/octet-stream' };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(tenantId, keys) {
      await Promise.all(keys.map((key) => rm(fileOf(tenantId, key), { force: true })));
    },
  };
}
