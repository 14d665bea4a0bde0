import net from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { disconnectDb } from '../../lib/db';
import { readMigrations } from '../../lib/db/migrate';
import { checkReadiness, markDraining, READINESS_TIMEOUT_MS } from '../../lib/ops/readiness';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Readiness against real databases: migrated, behind, empty, and one that never answers.

const opened: TestDatabase[] = [];

/** Points lib/db's pool at `url` (the pool reads DATABASE_URL when it opens). */
async function useDatabase(url: string): Promise<void> {
  await disconnectDb();
  process.env.DATABASE_URL = url;
}

async function database(options: { migrated: boolean }): Promise<string> {
  const db = await createTestDatabase(options);
  opened.push(db);
  return db.url;
}

afterEach(() => disconnectDb());
afterAll(() => Promise.all(opened.map((db) => db.drop())));

describe('checkReadiness', () => {
  it('is ready on a database with every migration applied', async () => {
    await useDatabase(await database({ migrated: true }));
    expect(await checkReadiness()).toEqual({ ready: true });
  });

  it('is not ready on a database that lacks a migration, or has none', async () => {
    const behind = await database({ migrated: true });
    const client = new pg.Client({ connectionString: behind });
    await client.connect();
    await client.query('DELETE FROM "_prisma_migrations" WHERE migration_name = $1', [readMigrations().at(-1)!.name]);
    await client.end();
    await useDatabase(behind);
    expect(await checkReadiness()).toEqual({ ready: false, reason: '1 database migration(s) not applied' });

    await useDatabase(await database({ migrated: false }));
    expect(await checkReadiness()).toEqual({ ready: false, reason: `${readMigrations().length} database migration(s) not applied` });
  });

  it('answers within its time limit when the database accepts connections and says nothing', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      await useDatabase(`postgresql://postgres@127.0.0.1:${(silent.address() as net.AddressInfo).port}/nothing`);
      const started = performance.now();
      expect(await checkReadiness()).toEqual({ ready: false, reason: 'the database does not answer' });
      expect(performance.now() - started).toBeLessThan(READINESS_TIMEOUT_MS + 500);
    } finally {
      // The pool's connection attempt fails now rather than at its own 5 s timeout.
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('is not ready once the instance drains, whatever the database', async () => {
    await useDatabase(await database({ migrated: true }));
    expect(await checkReadiness()).toEqual({ ready: true });
    markDraining();
    expect(await checkReadiness()).toEqual({ ready: false, reason: 'shutting down' });
  });
});
