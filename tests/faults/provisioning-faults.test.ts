import { describe, expect, test } from 'vitest';
import { disconnectDb, tenantDb } from '../../lib/db';
import { appServer } from './support/app-server';
import { afterRequests, expectConverged, freshDatabase, PORTS, scimProbe, simulation, skipWhereFaultsCannotRun, statusCounts, tenantWithToken } from './support/fault-run';
import { privatePostgres } from './support/private-postgres';
import { privateRedis } from './support/private-redis';

// Entra's cycles meet production's faults: the database restarting, Redis
// going away, the app killed outright. Each test breaks one thing mid-cycle,
// lets the simulator (lib/simulator) carry on as Entra would, and ends with
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
    const server = appServer(PORTS.app, { DATABASE_URL: db.url });
    const run = simulation(PORTS.app, tenant);
    try {
      await server.start();
      const cycle = run.initialCycle();
      await afterRequests(run, 1_500);
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
    const server = appServer(PORTS.app, { DATABASE_URL: db.url });
    const run = simulation(PORTS.app, tenant);
    try {
      await server.start();
      const cycle = run.initialCycle();
      await afterRequests(run, 1_500);
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

  test('goes on when Redis stops mid-cycle: the rate limit falls back to each instance, and 429s are waited out', async () => {
    const redis = privateRedis(PORTS.redis);
    await redis.start();
    const db = await freshDatabase();
    const tenant = await tenantWithToken(db.url);
    const server = appServer(PORTS.app, { DATABASE_URL: db.url, REDIS_URL: redis.url, SCIM_RATE_LIMIT_PER_SECOND: '100' });
    const run = simulation(PORTS.app, tenant, { users: 600, groups: 15, averageMembers: 30 });
    try {
      await server.start();
      const cycle = run.initialCycle();
      await afterRequests(run, 400);
      const limitedBefore = run.session.stats.byStatus.get('429') ?? 0;
      await redis.stop();
      await cycle;
      await run.incrementalCycle(INCREMENTAL_CHANGES);
      const counts = statusCounts(run);
      // Limited while Redis counted, and still limited (in memory) after it went away.
      expect(limitedBefore).toBeGreaterThan(0);
      expect(run.phases.at(-1)!.stats.byStatus.get('429') ?? 0).toBeGreaterThan(0);
      expect(Object.keys(counts).filter((status) => status.startsWith('5') || status === 'network')).toEqual([]);
      await expectConverged(run, tenant);
    } finally {
      run.close();
      await server.kill('SIGTERM');
      await redis.stop();
      await db.drop();
    }
  });
});
