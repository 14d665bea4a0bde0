import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { disconnectDb } from '../../../lib/db';
import { migrate } from '../../../lib/db/migrate';
import { createDatabase, dropDatabase } from '../../../lib/db/server-admin';
import { EntraSimulation } from '../../../tools/simulator/simulation';
import { createTenant } from '../../../lib/tenancy/create-tenant';
import { findPostgresServer } from '../../support/postgres-server';
import { SCIM_BASE_PATH } from '../../../lib/tenancy/routing';
import { createServiceAccountToken } from '../../../lib/tokens/create-service-account-token';

// What every fault test does around its fault: a fresh migrated database, a
// tenant with a SCIM token, an Entra simulation aimed at the server, and the
// verdict: the tenant equals the source, over SCIM and in the database.

/** Ports of this run; E2E_PORT moves them with the browser tests' (see playwright.config.ts). */
const BASE = Number(process.env.E2E_PORT ?? 3100);
/** Each test file has ports of its own, as the files run side by side. */
export const PORTS = {
  app: BASE + 50,
  appOnRedis: BASE + 55,
  appAtStart: BASE + 57,
  /** And the next: two instances. */
  alerts: BASE + 58,
  cluster: BASE + 60,
  postgres: BASE + 52_000,
  postgresAtStart: BASE + 52_001,
  redis: BASE + 3_300,
};

/** The size CI runs at: big enough for a fault to land mid-cycle, small enough to stay fast. */
export const SHAPE = { users: 1_200, groups: 30, averageMembers: 50 };

// Found before any test points DATABASE_URL at a database of its own.
const localServer = findPostgresServer();

/**
 * Why the fault tests cannot run on this machine, or null. Besides a
 * PostgreSQL server (the embedded one serves where none answers), they need
 * the system's PostgreSQL binaries for a private server they restart under a
 * running app, and redis-server. CI has all of them (.ci/run), and there a
 * missing one fails.
 */
export async function faultsUnavailable(): Promise<string | null> {
  if (!fs.existsSync('/usr/lib/postgresql')) return "no PostgreSQL server binaries under /usr/lib/postgresql (Debian's postgresql package)";
  if (spawnSync('redis-server', ['--version']).status !== 0) return 'no redis-server on the PATH';
  return null;
}

/** Skips a fault test file where it cannot run, except in CI, where that is a failure. */
export async function skipWhereFaultsCannotRun(): Promise<string | null> {
  const why = await faultsUnavailable();
  if (why && process.env.CI) throw new Error(`The fault tests must run in CI: ${why}`);
  if (why) console.log(`Fault tests skipped: ${why}`);
  return why;
}

export interface FaultDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh migrated database on `serverUrl`, by default the local server the other tests use. */
export async function freshDatabase(serverUrl?: string): Promise<FaultDatabase> {
  serverUrl ??= await localServer;
  const name = `orgwiki_faults_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(serverUrl, name);
  await migrate(url);
  return { url, drop: () => dropDatabase(serverUrl, name) };
}

export interface FaultTenant {
  id: string;
  subdomain: string;
  token: string;
}

/** A tenant and its SCIM token, written with this process's pool, which is closed again so that it holds nothing during the fault. */
export async function tenantWithToken(databaseUrl: string): Promise<FaultTenant> {
  process.env.DATABASE_URL = databaseUrl;
  const subdomain = `faults-${randomBytes(3).toString('hex')}`;
  const tenant = await createTenant({ subdomain, displayName: 'Fault test' });
  const { token } = await createServiceAccountToken(
    tenant.id,
    { serviceAccountName: 'Entra', tokenName: 'fault test' },
    { type: 'system', label: 'fault test' },
  );
  await disconnectDb();
  return { id: tenant.id, subdomain, token };
}

export function simulation(port: number, tenant: FaultTenant, shape = SHAPE): EntraSimulation {
  return new EntraSimulation({
    origin: `http://127.0.0.1:${port}`,
    host: `${tenant.subdomain}.localhost:${port}`,
    basePath: SCIM_BASE_PATH,
    token: tenant.token,
    concurrency: 8,
    retryForMs: 90_000,
    ...shape,
  });
}

/** Resolves once the running phase has had `count` answers, so that a fault lands mid-cycle. */
export async function afterRequests(run: EntraSimulation, count: number): Promise<void> {
  while (run.requestsInPhase < count) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** How often each status (or "network") was answered over the whole run, retries included. */
export function statusCounts(run: EntraSimulation): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { stats } of run.phases) for (const [status, n] of stats.byStatus) counts[status] = (counts[status] ?? 0) + n;
  return counts;
}

/** The verdict of every fault test: no failed request, and the tenant equals the source. */
export async function expectConverged(run: EntraSimulation, tenant: FaultTenant): Promise<void> {
  const failures = run.phases.flatMap((p) => p.stats.firstErrors);
  expect(failures).toEqual([]);
  // A 500 that a retry got past is still a fault of ours.
  expect(statusCounts(run)['500'] ?? 0).toBe(0);
  const { overScim, inDatabase } = await run.compare(tenant.id);
  await disconnectDb();
  expect(overScim.slice(0, 20)).toEqual([]);
  expect(inDatabase?.slice(0, 20)).toEqual([]);
}

/** One SCIM GET outside the simulation, timed: what a client meets during a fault. */
export function scimProbe(port: number, tenant: FaultTenant, path: string): Promise<{ status: number; retryAfter: string | null; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port,
        path: SCIM_BASE_PATH + path,
        headers: { Host: `${tenant.subdomain}.localhost:${port}`, Authorization: `Bearer ${tenant.token}` },
      },
      (response) => {
        response.resume().on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: (response.headers['retry-after'] as string | undefined) ?? null,
            ms: performance.now() - started,
          }),
        );
      },
    );
    request.on('error', reject);
  });
}
