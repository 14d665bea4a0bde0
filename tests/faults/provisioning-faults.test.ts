import { describe, expect, test } from 'vitest';
import { disconnectDb, tenantDb } from '../../lib/db';
import { appServer } from './support/app-server';
import {
  afterRequests,
  expectConverged,
  freshDatabase,
  PORTS,
  scimProbe,
  simulation,
  skipWhereFaultsCannotRun,
  statusCounts,
  tenantWithToken,
} from './support/fault-run';
import { privatePostgres } from './support/private-postgres';

// Entra's cycles meet production's faults: the database restarting and the
// app killed outright (Redis going away: redis-faults.test.ts). Each test breaks one thing mid-cycle,
// lets the simulator (tools/simulator) carry on as Entra would, and ends with
// the tenant equal to the source directory.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const INCREMENTAL_CHANGES = 300;

const unavailable = await skipWhereFaultsCannotRun();

describe.skipIf(unavailable)('an Entra provisioning cycle', () => {
  test('survives PostgreSQL restarting mid-cycle: requests meanwhile get a quick 503 with Retry-After, and nothing is lost or half-written', async () => {
    const postgres = privatePostgres(PORTS.postgres);
    postgres.start();
    const db = await freshDatabase(postgres.url('postgres'));
    const tenant = await tenantWithToken(db.url);
    // In the outage every request fails fast, so the cycle's retries could spend the tenant's
    // request budget and the probe below would meet a 429 first: this test is about the database.
    const server = appServer(PORTS.app, { DATABASE_URL: db.url, SCIM_RATE_LIMIT_PER_SECOND: '100000' });
    const run = simulation(PORTS.app, tenant);
    try {
      await server.start();
      const cycle = run.initialCycle();
      await afterRequests(run, 900);
      postgres.stop('immediate');
      const during = await scimProbe(PORTS.app, tenant, `/Users?filter=${encodeURIComponent('userName eq "probe@contoso.example"')}`);
      expect(during.status).toBe(503);
      expect(Number(during.retryAfter)).toBeGreaterThan(0);
      expect(during.ms).toBeLessThan(5_000);
      await sleep(3_000);
      postgres.start();
      await cycle;
      await run.incrementalCycle(INCREMENTAL_CHANGES);
      expect(statusCounts(run)['503']).toBeGreaterThan(0);
      expect(Math.max(...run.phases.map((p) => p.stats.slowestMs))).toBeLessThan(10_000);
      expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
      await expectConverged(run, tenant);
      // The provisioning log kept the refusals of the outage: they waited for the database too.
      process.env.DATABASE_URL = db.url;
      const refused = await tenantDb(tenant.id).auditEvent.count({ where: { details: { path: ['status'], equals: 503 } } });
      await disconnectDb();
      expect(refused).toBeGreaterThan(0);
    } finally {
      run.close();
      await server.kill('SIGTERM');
      postgres.destroy();
    }
  });

  test('survives the app being killed with SIGKILL mid-cycle and started again', async () => {
    const db = await freshDatabase();
    const tenant = await tenantWithToken(db.url);
    // In the outage every request fails fast, so the cycle's retries could spend the tenant's
    // request budget and the probe below would meet a 429 first: this test is about the database.
    const server = appServer(PORTS.app, { DATABASE_URL: db.url, SCIM_RATE_LIMIT_PER_SECOND: '100000' });
    const run = simulation(PORTS.app, tenant);
    try {
      await server.start();
      const cycle = run.initialCycle();
      await afterRequests(run, 900);
      await server.kill('SIGKILL');
      await server.start();
      await cycle;
      const incremental = run.incrementalCycle(INCREMENTAL_CHANGES);
      await afterRequests(run, 100);
      await server.kill('SIGKILL');
      await server.start();
      await incremental;
      expect(statusCounts(run).network).toBeGreaterThan(0);
      await expectConverged(run, tenant);
    } finally {
      run.close();
      await server.kill('SIGTERM');
      await db.drop();
    }
  });
});
