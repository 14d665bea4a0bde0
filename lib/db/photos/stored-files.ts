import { tenantSql } from '../tenant-sql';

// The rows behind the database's file store (lib/storage/database-store.ts).

export interface StoredFileRow {
  contentType: string;
  bytes: Buffer;
}

/** Keeps a file; a file of the same key is the same content (keys are content addresses), so a second put changes nothing. */
export async function putStoredFile(tenantId: string, key: string, contentType: string, bytes: Buffer): Promise<void> {
  await tenantSql(tenantId).rows(
    `INSERT INTO "StoredFile" ("tenantId", "key", "contentType", "bytes") VALUES ($1, $2, $3, $4) ON CONFLICT ("tenantId", "key") DO NOTHING`,
    [key, contentType, bytes],
  );
}

export async function getStoredFile(tenantId: string, key: string): Promise<StoredFileRow | null> {
  const [row] = await tenantSql(tenantId).rows<StoredFileRow>(`SELECT "contentType", "bytes" FROM "StoredFile" WHERE "tenantId" = $1 AND "key" = $2`, [key]);
  return row ?? null;
}

export async function deleteStoredFiles(tenantId: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tenantSql(tenantId).rows(`DELETE FROM "StoredFile" WHERE "tenantId" = $1 AND "key" = ANY($2::text[])`, [keys]);
}
