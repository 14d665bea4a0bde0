import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { disconnectDb } from '../../lib/db';
import { startEmbeddedDatabase } from '../../lib/db/embedded';
import { migrate } from '../../lib/db/migrate';
import { adminQuery, withDatabase } from './postgres-server';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, migrated, empty database that belongs to the caller alone. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const server = inject('testDatabaseServer');
  if (server.kind === 'embedded') {
    const db = await startEmbeddedDatabase({ dataDir: 'memory://', port: 0 });
    if (migrated) await migrate(db.url);
    return { url: db.url, drop: db.stop };
  }
  const name = `orgwiki_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(server.serverUrl, migrated ? `CREATE DATABASE "${name}" TEMPLATE "${server.template}"` : `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(server.serverUrl, name),
    drop: async () => {
      await adminQuery(server.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
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
