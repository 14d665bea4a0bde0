import fs from 'node:fs';
import { expect, test } from 'vitest';
import { nginxPath, startCluster } from '../../tools/cluster/start-cluster';
import { TEST_REDIS_URL } from '../support/redis-server';
import { afterRequests, expectConverged, freshDatabase, PORTS, simulation, skipWhereFaultsCannotRun, statusCounts, tenantWithToken } from './support/fault-run';
import { checkedCluster } from './support/server-errors';

// Entra's cycle through a load balancer (nginx, as `npm run cluster` runs it)
// in front of two instances that share PostgreSQL and Redis; one instance is
// killed mid-cycle, as a crashed node or a rolling deploy would. The
// cross-instance properties themselves (one rate budget, revocations, ended
// sessions) have their own spec: e2e/cluster/cluster.spec.ts.

const unavailable = (await skipWhereFaultsCannotRun()) ?? (fs.existsSync(nginxPath()) ? null : `no nginx at ${nginxPath()}`);
if (unavailable && process.env.CI) throw new Error(`The cluster fault test must run in CI: ${unavailable}`);

test.skipIf(unavailable)(
  'an Entra cycle through nginx and two instances converges when one instance is killed mid-cycle, waiting out the shared rate limit',
  async () => {
    const db = await freshDatabase();
    const tenant = await tenantWithToken(db.url);
    const output = checkedCluster();
    const cluster = await startCluster({
      port: PORTS.cluster,
      instancePorts: [PORTS.cluster + 1, PORTS.cluster + 2],
      databaseUrl: db.url,
      redisUrl: TEST_REDIS_URL,
      env: { SCIM_RATE_LIMIT_PER_SECOND: '150' },
      onOutput: output.onOutput,
    });
    const run = simulation(cluster.port, tenant, { users: 600, groups: 15, averageMembers: 30 });
    try {
      const cycle = run.initialCycle();
      await afterRequests(run, 500);
      // nginx logs at error level each request the killed instance drops mid-answer, and each later
      // attempt to connect to it (its fail_timeout lapses every 2 s) before trying the other instance.
      const toKilled = `upstream: "http://127.0.0.1:${PORTS.cluster + 1}/`;
      output.expectErrors(
        new RegExp(
          `\\[error\\] .*(?:recv\\(\\) failed \\(104: Connection reset by peer\\)|upstream prematurely closed connection) while reading response header from upstream, .*${toKilled}`,
        ),
        new RegExp(`\\[error\\] .*connect\\(\\) failed \\(111: Connection refused\\) while connecting to upstream, .*${toKilled}`),
      );
      await cluster.killInstance(0, 'SIGKILL');
      await cycle;
      await cluster.restartInstance(0);
      await run.incrementalCycle(300);
      expect(statusCounts(run)['429']).toBeGreaterThan(0);
      await expectConverged(run, tenant);
    } finally {
      run.close();
      await cluster.stop();
      await db.drop();
    }
  },
);
