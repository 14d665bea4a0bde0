import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isListening } from '../../lib/ports';

// The demo's data survives the demo: a restart finds it, and so does a start
// after the owner process, or PostgreSQL itself, was killed without warning
// (kill -9). Committed work is all there; work that was not committed is not.

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'orgwiki-demo-data-'));
const holders: ChildProcess[] = [];

const port = await freePort();

/** The owner of the embedded database, as the demo's launcher owns it: one process (tsx as a loader, not its CLI, which would run the script in a child). */
async function hold(): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(port) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/bin/hold-embedded-database.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  holders.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const ready = /ready (\S+)/.exec(out);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before the database was ready: ${out}`)));
  });
  return { child, url };
}

async function closed(): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (!(await isListening(port))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} still answers 20 s after its owner died`);
}

async function query<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

afterAll(() => {
  for (const child of holders) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database across restarts', () => {
  it('keeps committed data, and only that, when its owner or PostgreSQL itself is killed', async () => {
    let { child, url } = await hold();
    await query(url, 'CREATE TABLE kept (id int PRIMARY KEY)');
    await query(url, 'INSERT INTO kept SELECT generate_series(1, 1000)');

    // Stopped properly.
    child.kill('SIGTERM');
    await closed();
    ({ child, url } = await hold());
    expect(await query(url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1000 }]);

    // The owner killed mid-transaction: PostgreSQL is told to stop, and the transaction never happened.
    const open = new pg.Client({ connectionString: url });
    open.on('error', () => {});
    await open.connect();
    await open.query('BEGIN');
    await open.query('INSERT INTO kept VALUES (5000)');
    await query(url, 'INSERT INTO kept VALUES (1001)');
    child.kill('SIGKILL');
    await closed();
    ({ child, url } = await hold());
    expect(await query(url, 'SELECT count(*)::int AS n, max(id) AS top FROM kept')).toEqual([{ n: 1001, top: 1001 }]);

    // PostgreSQL itself killed: the next start recovers from its write-ahead log.
    await query(url, 'INSERT INTO kept VALUES (1002)');
    const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    child.kill('SIGKILL');
    await closed();
    ({ child, url } = await hold());
    expect(await query(url, 'SELECT count(*)::int AS n, max(id) AS top FROM kept')).toEqual([{ n: 1002, top: 1002 }]);
    // The app's own tables read whole after the crash.
    expect(await query(url, `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NULL`)).toEqual([{ n: 0 }]);
  }, 120_000);
});
