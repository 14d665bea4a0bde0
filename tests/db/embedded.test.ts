import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, tenantSql } from '../../lib/db';
import { startEmbeddedDatabase, THROWAWAY_DATA_DIR, type EmbeddedDatabase } from '../../lib/db/embedded/start';
import { migrate } from '../../lib/db/migrate';
import { poolStats } from '../../lib/db/pool';
import { createTenant } from '../../lib/tenancy/create-tenant';

// The embedded database as the demo uses it, whatever database the rest of the
// suite runs on: the app's pool, the operator CLI and other clients at once,
// each in a session of its own. Every case here failed on the single-session
// database it replaced (issue 14): a reconnecting pool met its own prepared
// statements, and one client's transaction, error or SET reached the others.

const run = promisify(execFile);
let db: EmbeddedDatabase;
const clients: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  clients.push(c);
  return c;
}

/** The operator CLI as a person runs it while the demo is up: no DATABASE_URL, so it finds the demo's embedded database on its port. */
async function orgwiki(...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_PORT: new URL(db.url).port };
  delete env.DATABASE_URL;
  const { stdout } = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/cli/orgwiki.ts', ...args], { env, encoding: 'utf8' });
  return stdout;
}

const USERS = `SELECT count(*)::int AS n FROM "User" WHERE "tenantId" = $1`;

beforeAll(async () => {
  db = await startEmbeddedDatabase({ dataDir: THROWAWAY_DATA_DIR, port: 0 });
  await migrate(db.url);
  process.env.DATABASE_URL = db.url;
  await (await client()).query('CREATE TABLE scratch (id int PRIMARY KEY)');
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  await disconnectDb();
  await db?.stop();
});

describe('the embedded database', () => {
  it('serves the app again after its pool closed idle connections, with the operator CLI working in between', async () => {
    const acme = await createTenant({ subdomain: 'acme', displayName: 'Acme' });
    // A named (prepared) statement, as SCIM's queries are.
    expect(await tenantSql(acme.id).rows(USERS)).toEqual([{ n: 0 }]);

    expect(await orgwiki('tenant:list')).toContain('acme');
    await orgwiki('tenant:create', '--subdomain', 'globex', '--name', 'Globex');

    // pg-pool closes a connection idle for 10 s; the next query opens a new session.
    const deadline = Date.now() + 20_000;
    while (poolStats().total > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(poolStats().total).toBe(0);

    expect(await tenantSql(acme.id).rows(USERS)).toEqual([{ n: 0 }]);
    expect(await orgwiki('tenant:list')).toContain('globex');
  }, 90_000);

  it('gives each client its own prepared statements, settings and advisory locks', async () => {
    const [a, b] = [await client(), await client()];
    for (const c of [a, b]) expect((await c.query({ name: 'same_name', text: 'SELECT 1 AS one' })).rows).toEqual([{ one: 1 }]);

    await a.query(`SET pg_trgm.word_similarity_threshold = 0.9`);
    const setting = `SELECT current_setting('pg_trgm.word_similarity_threshold', true) AS value`;
    expect((await a.query(setting)).rows[0].value).toBe('0.9');
    expect((await b.query(setting)).rows[0].value).not.toBe('0.9');

    expect((await a.query('SELECT pg_try_advisory_lock(7) AS locked')).rows[0].locked).toBe(true);
    expect((await b.query('SELECT pg_try_advisory_lock(7) AS locked')).rows[0].locked).toBe(false);
    await a.query('SELECT pg_advisory_unlock(7)');
    expect((await b.query('SELECT pg_try_advisory_lock(7) AS locked')).rows[0].locked).toBe(true);
  });

  it("runs two clients' transactions at once, neither seeing the other's uncommitted rows", async () => {
    const [a, b] = [await client(), await client()];
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query('INSERT INTO scratch VALUES (1)');
    await b.query('INSERT INTO scratch VALUES (2)');
    expect((await b.query('SELECT id FROM scratch ORDER BY id')).rows).toEqual([{ id: 2 }]);
    expect((await a.query('SELECT id FROM scratch ORDER BY id')).rows).toEqual([{ id: 1 }]);
    await a.query('COMMIT');
    await b.query('COMMIT');
    expect((await (await client()).query('SELECT id FROM scratch ORDER BY id')).rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('keeps an error in one transaction, and a client that leaves mid-transaction, from touching anyone else', async () => {
    const [a, b, watcher] = [await client(), await client(), await client()];
    await a.query('BEGIN');
    await a.query('INSERT INTO scratch VALUES (10)');
    await expect(a.query('SELECT no_such_column FROM scratch')).rejects.toThrow(/no_such_column/);
    // The other client is not in A's aborted transaction.
    expect((await b.query('SELECT count(*)::int AS n FROM scratch WHERE id = 10')).rows).toEqual([{ n: 0 }]);

    const leaver = await client();
    const pid = (await leaver.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    await leaver.query('BEGIN');
    await leaver.query('INSERT INTO scratch VALUES (11)');
    await leaver.query('SELECT pg_advisory_lock(8)');
    // Gone without a word, as a killed process goes (pg reports the lost connection as an error).
    leaver.on('error', () => {});
    (leaver as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const open = await watcher.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
      if (open.rowCount === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await watcher.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`, [pid])).rows).toEqual([{ n: 0 }]);
    expect((await watcher.query('SELECT count(*)::int AS n FROM scratch WHERE id IN (10, 11)')).rows).toEqual([{ n: 0 }]);
    expect((await watcher.query('SELECT pg_try_advisory_lock(8) AS locked')).rows[0].locked).toBe(true);
    await a.query('ROLLBACK');
  });
});
