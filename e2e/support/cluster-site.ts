import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { promisify } from 'node:util';
import { E2E_PORT } from '../../playwright.config';
import { nginxPath, startCluster, type Cluster } from '../../tools/cluster/start-cluster';
import { migrate } from '../../lib/db/migrate';
import { createDatabase, dropDatabase, dropDatabasesLike } from '../../lib/db/server-admin';
import { findPostgresServer } from '../../tests/support/postgres-server';
import { redisAnswers, TEST_REDIS_URL } from '../../tests/support/redis-server';
import { watchServerOutput } from './test';

// A cluster of the production build for a spec: two instances behind nginx on
// a database of its own, on ports derived from E2E_PORT (3400-3489), so that
// two checkouts can run it side by side. Needs PostgreSQL, Redis and nginx;
// CI has all three (.ci/run), and requires the spec to run. Every process's
// output is checked for errors the tests did not expect (test.ts).

const run = promisify(execFile);

export const CLUSTER_PORT = 3400 + (E2E_PORT % 30) * 3;
export const REDIS_URL = TEST_REDIS_URL;

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request over a new connection to a loopback port, with `host` as the Host header (Node's resolver does not know *.localhost). */
export function call(
  port: number,
  host: string,
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers = { Host: host, ...(payload === undefined ? {} : { 'Content-Type': 'application/scim+json' }), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject).end(payload);
  });
}

/** Why the cluster cannot run here, or null when it can. */
export async function clusterUnavailable(): Promise<string | null> {
  if (!fs.existsSync(nginxPath())) return `no nginx at ${nginxPath()}`;
  if (!(await redisAnswers())) return `no Redis at ${REDIS_URL}`;
  return null;
}

export interface ClusterDatabase {
  url: string;
  /** The operator CLI on this database. */
  orgwiki(...args: string[]): Promise<string>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own on the PostgreSQL server. */
export async function createClusterDatabase(): Promise<ClusterDatabase> {
  const serverUrl = await findPostgresServer();
  const prefix = `orgwiki_cluster_${E2E_PORT}_`;
  await dropDatabasesLike(serverUrl, prefix); // a crashed run's
  const name = `${prefix}${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(serverUrl, name);
  const drop = () => dropDatabase(serverUrl, name);
  await migrate(url).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return {
    url,
    orgwiki: async (...args) =>
      (
        await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/cli/orgwiki.ts', ...args], {
          env: { ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: '2', ROOT_DOMAIN: `localhost:${CLUSTER_PORT}` },
          encoding: 'utf8',
        })
      ).stdout,
    drop,
  };
}

/** Two instances and nginx on `database`, on this checkout's ports. */
export function startTestCluster(database: ClusterDatabase, env: Record<string, string> = {}): Promise<Cluster> {
  const outputs = new Map<string, string>();
  const onOutput = (name: string, stream: string, chunk: string) => {
    const key = `cluster ${name} ${stream}`;
    if (!outputs.has(key)) watchServerOutput(key, () => outputs.get(key)!);
    outputs.set(key, (outputs.get(key) ?? '') + chunk);
  };
  return startCluster({
    port: CLUSTER_PORT,
    instancePorts: [CLUSTER_PORT + 1, CLUSTER_PORT + 2],
    databaseUrl: database.url,
    redisUrl: REDIS_URL,
    env,
    onOutput,
  });
}
