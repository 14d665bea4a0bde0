import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { disconnectDb, type Tenant } from '../../lib/db';
import { migrate } from '../../lib/db/migrate';
import { freePort } from '../../lib/ports';
import { adminQuery, createDatabase, dropDatabase } from '../../lib/db/server-admin';
import { seedTenant } from '../seed/seed-tenant';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { progressBar } from './progress';

// What every `npm run bench:*` does around its measurements: a throwaway
// database on the PostgreSQL server (the deployment's, not the demo's), a seeded tenant, the
// production server exactly as `npm start` runs it, and one cleanup for every
// way out, since a left-over server holds a port and a left-over database fills the disk.

export interface BenchSite {
  tenant: Tenant;
  port: number;
  /** The server's process id, to read its memory. */
  pid: number;
  /** The tenant's Host header ("bench.localhost:<port>"). */
  host: string;
  logPath: string;
  /** One request to the tenant's site (node:http: fetch will not send our own Host header). */
  call(method: string, pathname: string, options?: { headers?: Record<string, string>; body?: string }): Promise<{ status: number; text: string }>;
}

interface Options<P> {
  name: string;
  size: number;
  withContent: boolean;
  /** Extra server environment, e.g. a rate limit lifted for the bench. */
  serverEnv?: Record<string, string>;
  /** Runs against the seeded database before the server starts (tokens, samples). */
  prepare(tenant: Tenant): Promise<P>;
  /** A request that answers 2xx once the server is ready. */
  ready(prepared: P): { path: string; headers?: Record<string, string> };
}

/** `--users N --seconds S --connections C`; exits with a message when one is out of range. */
export function readBenchArgs(defaults: { minUsers: number; connections: number }): { size: number; seconds: number; connections: number } {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '100000' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: String(defaults.connections) },
    },
  });
  const size = Number(values.users);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (
    !Number.isInteger(size) ||
    size < defaults.minUsers ||
    size > 1_000_000 ||
    !(seconds > 0 && seconds <= 600) ||
    !Number.isInteger(connections) ||
    connections < 1 ||
    connections > 100
  ) {
    console.error(
      `--users must be a whole number from ${defaults.minUsers} to 1,000,000, --seconds a number from 1 to 600 and --connections a whole number from 1 to 100`,
    );
    process.exit(2);
  }
  return { size, seconds, connections };
}

const serverUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
export const shownServer = Object.assign(new URL(serverUrl), { password: '' }).host;

async function seedBenchTenant(options: Options<unknown>): Promise<Tenant> {
  const bar = progressBar(options.size, `Seeding ${options.size} people`);
  const { tenant } = await seedTenant({
    subdomain: 'bench',
    displayName: 'Bench',
    size: options.size,
    withContent: options.withContent,
    onProgress: bar.update,
  });
  bar.stop();
  return tenant;
}

export async function runBench<P>(options: Options<P>, work: (site: BenchSite, prepared: P) => Promise<void>): Promise<void> {
  try {
    await adminQuery(serverUrl, 'SELECT 1');
  } catch (error) {
    console.error(`${options.name} needs a PostgreSQL server (DATABASE_URL, else ${shownServer}); none answered: ${(error as Error).message}`);
    process.exit(2);
  }
  const dbName = `orgwiki_bench_${randomBytes(4).toString('hex')}`;
  const logPath = path.join(os.tmpdir(), `${dbName}-server.log`);
  let server: ChildProcess | null = null;
  let dbCreated = false;
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      const child = server;
      if (child?.pid && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM'); // its own process group: Next may start workers
        const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await disconnectDb().catch(() => {});
      if (dbCreated) await dropDatabase(serverUrl, dbName).catch((e: Error) => console.error(`Could not drop ${dbName}: ${e.message}`));
    })());
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the server and dropping ${dbName}`);
      void cleanup().finally(() => process.exit(code));
    });
  }

  try {
    const url = await createDatabase(serverUrl, dbName);
    dbCreated = true;
    process.env.DATABASE_URL = url;
    await migrate(url);
    // Size 0 is an empty tenant, for runs that fill it themselves (the Entra simulator).
    const tenant = options.size === 0 ? await createTenant({ subdomain: 'bench', displayName: 'Bench' }) : await seedBenchTenant(options);
    const prepared = await options.prepare(tenant);
    await disconnectDb();
    // What autovacuum would do soon after a bulk load: merge the trigram indexes' pending
    // lists (which every search reads until then) and refresh the planner's statistics.
    // Without it the first minutes after seeding are measured, not the steady state.
    await adminQuery(url, 'VACUUM ANALYZE'); // the server has its own pool; ours would only hold connections

    const port = await freePort();
    const out = fs.openSync(logPath, 'w');
    // BENCH_PROFILE_DIR=<dir> writes the server's V8 CPU profile there when it stops.
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    server = spawn(process.execPath, [...profile, '--import', 'tsx', path.join('lib', 'server', 'main.ts'), '--port', String(port)], {
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        DATABASE_URL: url,
        ROOT_DOMAIN: `localhost:${port}`,
        DATABASE_POOL_SIZE: '10',
        NEXT_TELEMETRY_DISABLED: '1',
        ...options.serverEnv,
      },
    });
    const host = `bench.localhost:${port}`;
    const call: BenchSite['call'] = (method, pathname, request = {}) =>
      new Promise((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers: { Host: host, ...request.headers } }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject).end(request.body);
      });
    for (let started = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}; see ${logPath}`);
      if (Date.now() - started > 60_000) throw new Error(`the server did not answer within 60 s; see ${logPath}`);
      const ready = options.ready(prepared);
      const answer = await call('GET', ready.path, { headers: ready.headers }).catch(() => null);
      if (answer && answer.status >= 200 && answer.status < 300) break;
    }
    await work({ tenant, port, pid: server.pid!, host, logPath, call }, prepared);
    const problems = fs
      .readFileSync(logPath, 'utf8')
      .split('\n')
      .filter((l) => /error|warn/i.test(l));
    if (problems.length) console.log(`  server log ${logPath}: ${problems.length} error/warning lines, first: ${problems[0].slice(0, 300)}`);
  } catch (error) {
    console.error(`${options.name} failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

/** Prints rows under a header, the first column left-aligned and the rest right-aligned unless listed in `left`. */
export function printTable(head: string[], rows: string[][], left: number[] = [0]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
}

export const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
