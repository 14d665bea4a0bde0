import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { disconnectDb } from '../../lib/db';
import { createDatabase, dropDatabase } from '../../lib/db/server-admin';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, migrated, empty database that belongs to the caller alone. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const server = inject('testDatabaseServer');
  const name = `${server.prefix}${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(server.serverUrl, name, migrated ? server.template : undefined);
  return { url, drop: () => dropDatabase(server.serverUrl, name) };
}

/**
 * Points lib/db at a fresh database for the whole test file and removes it
 * afterwards, so files run in parallel and leave nothing behind.
 */
export function withTestDatabase(): { readonly url: string } {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.url;
  });
  afterAll(async () => {
    await disconnectDb();
    await db?.drop();
  });
  return {
    get url() {
      if (!db) throw new Error('withTestDatabase: the database exists only inside tests and hooks');
      return db.url;
    },
  };
}
