import http from 'node:http';
import pg from 'pg';
import { expect, test } from 'vitest';
import { appServer, type AppServer } from './support/app-server';
import { freshDatabase, PORTS, skipWhereFaultsCannotRun } from './support/fault-run';
import { privatePostgres } from './support/private-postgres';

// A server may start before its database: both restarted at once, a
// failover, an orchestrator that starts everything together. It must come up,
// say it is not ready, stop when told, and start its background work (the
// durable job queue, lib/jobs/queue.ts) once the database answers.

const unavailable = await skipWhereFaultsCannotRun();

const status = (port: number, path: string) =>
  new Promise<number>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path }, (response) => resolve(response.resume().statusCode ?? 0)).on('error', reject);
  });

async function untilLogged(server: AppServer, message: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.output().includes(`"msg":"${message}"`)) {
    if (Date.now() > deadline) throw new Error(`The server did not log "${message}" within ${timeoutMs} ms:\n${server.output().slice(-4_000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test.skipIf(unavailable)('a server started while PostgreSQL is down answers, stops when told, and starts its job queue once the database is back', async () => {
  const postgres = privatePostgres(PORTS.postgresAtStart);
  postgres.start();
  const db = await freshDatabase(postgres.url('postgres'));
  postgres.stop('fast');
  const first = appServer(PORTS.appAtStart, { DATABASE_URL: db.url });
  const second = appServer(PORTS.appAtStart, { DATABASE_URL: db.url });
  try {
    await first.start();
    expect(await status(PORTS.appAtStart, '/api/ready')).toBe(503);
    await untilLogged(first, 'jobs: cannot start while the database is unavailable');
    // Stopping does not wait for a database that is not there.
    const stopping = performance.now();
    await first.kill('SIGTERM');
    expect(performance.now() - stopping).toBeLessThan(5_000);

    await second.start();
    await untilLogged(second, 'jobs: cannot start while the database is unavailable');
    postgres.start();
    await untilLogged(second, 'jobs: working');
    expect(await status(PORTS.appAtStart, '/api/ready')).toBe(200);
    // The queues are there, and the scheduled round ran as the queue started rather than a minute later.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const queues = await client.query<{ name: string }>("SELECT name FROM pgboss.queue WHERE name LIKE 'photos.%' ORDER BY name");
      expect(queues.rows.map((row) => row.name)).toEqual(['photos.round', 'photos.sync']);
      await expect
        .poll(async () => (await client.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'photos.round' AND state = 'completed'")).rows[0].n, {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    for (const server of [first, second]) expect(server.output()).not.toMatch(/uncaught|unhandled/i);
  } finally {
    await first.kill('SIGTERM');
    await second.kill('SIGTERM');
    postgres.destroy();
  }
});
