import { expect, test } from 'vitest';
import { appServer } from './support/app-server';
import { afterRequests, expectConverged, freshDatabase, PORTS, simulation, skipWhereFaultsCannotRun, statusCounts, tenantWithToken } from './support/fault-run';
import { privateRedis } from './support/private-redis';

// Redis counts each tenant's SCIM budget for every instance. When it goes
// away mid-cycle, each instance counts in its own memory instead: requests go
// on, and the limit still holds per instance.

const unavailable = await skipWhereFaultsCannotRun();
const INCREMENTAL_CHANGES = 300;

test.skipIf(unavailable)('an Entra cycle goes on when Redis stops mid-cycle: the rate limit falls back to each instance, and 429s are waited out', async () => {
  const redis = privateRedis(PORTS.redis);
  await redis.start();
  const db = await freshDatabase();
  const tenant = await tenantWithToken(db.url);
  const server = appServer(PORTS.appOnRedis, { DATABASE_URL: db.url, REDIS_URL: redis.url, SCIM_RATE_LIMIT_PER_SECOND: '100' });
  const run = simulation(PORTS.appOnRedis, tenant, { users: 400, groups: 10, averageMembers: 30 });
  try {
    await server.start();
    const cycle = run.initialCycle();
    await afterRequests(run, 300);
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
