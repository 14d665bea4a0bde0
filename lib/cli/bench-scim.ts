import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { disconnectDb, tenantDb } from '../db';
import { migrate } from '../db/migrate';
import { adminQuery, createDatabase, dropDatabase } from '../db/server-admin';
import { seedTenant } from '../seed/seed-tenant';
import { SCIM_BASE_PATH } from '../tenancy/routing';
import { createServiceAccountToken } from '../tokens/create-service-account-token';
import { progressBar } from './progress';

// `npm run bench:scim [-- --users 100000 --seconds 10]`: the SCIM server's
// throughput and latency as Entra would load it, measured on the production
// build (not `next dev`) against a real PostgreSQL server, because the embedded
// database is one connection and would measure PGlite rather than the app.

const { values } = parseArgs({ options: { users: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '10' } } });
const size = Number(values.users);
const seconds = Number(values.seconds);
if (!Number.isInteger(size) || size < 100 || size > 1_000_000 || !(seconds > 0 && seconds <= 600)) {
  console.error('--users must be a whole number from 100 to 1,000,000 and --seconds a number from 1 to 600');
  process.exit(2);
}
const CONNECTIONS = 10;
const serverUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const shownUrl = Object.assign(new URL(serverUrl), { password: '' }).host;
try {
  await adminQuery(serverUrl, 'SELECT 1');
} catch (error) {
  console.error(`bench:scim needs a PostgreSQL server (DATABASE_URL, else ${shownUrl}); none answered: ${(error as Error).message}`);
  process.exit(2);
}

/** The first port from 3200 that nothing listens on (3000 and 3100 belong to the demo and the browser tests). */
async function freePort(from = 3200): Promise<number> {
  for (let port = from; ; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

const dbName = `orgwiki_bench_${randomBytes(4).toString('hex')}`;
const logPath = path.join(os.tmpdir(), `${dbName}-server.log`);
let server: ChildProcess | null = null;
let dbCreated = false;
let cleaning: Promise<void> | null = null;

// One cleanup for every way out (success, error, Ctrl-C): a left-over server
// would hold the port and a left-over database would fill the disk.
function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
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
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and dropping ${dbName}`);
    void cleanup().finally(() => process.exit(code));
  });
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

try {
  const url = await createDatabase(serverUrl, dbName);
  dbCreated = true;
  process.env.DATABASE_URL = url;
  await migrate(url);
  const bar = progressBar(size, `Seeding ${size} people`);
  const { tenant } = await seedTenant({ subdomain: 'bench', displayName: 'Bench', size, withContent: false, onProgress: bar.update });
  bar.stop();
  const { token } = await createServiceAccountToken(tenant.id, { serviceAccountName: 'bench', tokenName: 'bench' }, { type: 'system', label: 'bench:scim' });
  // Ids are random UUIDs, so the first 2,000 by id are a fair sample of the company.
  const sample = await tenantDb(tenant.id).user.findMany({ select: { id: true, userName: true }, orderBy: { id: 'asc' }, take: 2000 });
  await disconnectDb(); // the server has its own pool; ours would only hold connections

  const port = await freePort();
  const out = fs.openSync(logPath, 'w');
  // The production server exactly as `npm start` runs it (lib/server/main.ts).
  server = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'server', 'main.ts'), '--port', String(port)], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, DATABASE_URL: url, ROOT_DOMAIN: `localhost:${port}`, DATABASE_POOL_SIZE: '10', SCIM_RATE_LIMIT_PER_SECOND: '1000000', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const headers = { Host: `bench.localhost:${port}`, Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' };
  // node:http rather than fetch: fetch will not send our own Host header.
  const call = (method: string, p: string, body?: unknown) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request({ host: '127.0.0.1', port, method, path: SCIM_BASE_PATH + p, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject).end(data);
    });
  for (let started = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}; see ${logPath}`);
    if (Date.now() - started > 60_000) throw new Error(`the server did not answer within 60 s; see ${logPath}`);
    const answer = await call('GET', '/ServiceProviderConfig').catch(() => null);
    if (answer?.status === 200) break;
  }
  // Created over SCIM, as Entra does, so that a broken POST /Groups shows up here.
  const groupIds: string[] = [];
  for (let i = 1; i <= 20; i++) {
    const created = await call('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Bench group ${i}`, members: [] });
    if (created.status !== 201) throw new Error(`POST /Groups answered ${created.status}: ${created.text}`);
    groupIds.push(JSON.parse(created.text).id);
  }

  const run = randomBytes(3).toString('hex');
  let serial = 0;
  type Setup = () => { method: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown };
  const operations: { name: string; target: number; setup: Setup }[] = [
    { name: 'GET /Users?filter=userName eq', target: 2000, setup: () => ({ method: 'GET', path: `/Users?filter=${encodeURIComponent(`userName eq "${pick(sample).userName}"`)}` }) },
    {
      name: 'POST /Users',
      target: 1000,
      setup: () => {
        const n = ++serial;
        const body = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `bench.${run}.${n}@bench.example`, active: true, displayName: `Bench ${n}`, name: { givenName: 'Bench', familyName: String(n) } };
        return { method: 'POST', path: '/Users', body };
      },
    },
    { name: 'PATCH /Users/{id} title', target: 1000, setup: () => ({ method: 'PATCH', path: `/Users/${pick(sample).id}`, body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: `Title ${++serial}` }] } }) },
    { name: 'PATCH /Groups/{id} add member', target: 1000, setup: () => ({ method: 'PATCH', path: `/Groups/${pick(groupIds)}`, body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: pick(sample).id }] }] } }) },
  ];
  const cannon = (setup: Setup, bounds: { duration?: number; amount?: number }) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      headers,
      ...bounds,
      // setupRequest runs before every request, so each one gets fresh values.
      requests: [{ setupRequest: (req) => { const r = setup(); return { ...req, method: r.method, path: SCIM_BASE_PATH + r.path, body: r.body === undefined ? undefined : JSON.stringify(r.body) }; } }],
    });

  const rows: string[][] = [];
  const notes: string[] = [];
  for (const op of operations) {
    process.stdout.write(`${op.name}: warming up, then ${seconds} s … `);
    await cannon(op.setup, { amount: 200 }); // first requests load route code and fill the pool
    const result = await cannon(op.setup, { duration: seconds });
    const rate = result.requests.total / result.duration;
    console.log(`${result.requests.total} requests`);
    const meets = rate >= op.target && result.latency.p99 <= 25 && result.non2xx === 0;
    rows.push([op.name, String(result.requests.total), rate.toFixed(0), String(result.latency.p50), String(result.latency.p99), String(result.non2xx), `≥ ${op.target.toLocaleString('en')}/s, p99 ≤ 25`, meets ? 'yes' : 'NO']);
    const codes = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, s]) => `${code}×${s.count}`);
    if (codes.length || result.errors || result.timeouts) notes.push(`${op.name}: ${[...codes, `${result.errors} socket errors`, `${result.timeouts} timeouts`].join(', ')}`);
  }

  const head = ['operation', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'target', 'meets'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nbench:scim: ${size.toLocaleString('en')} users, ${CONNECTIONS} connections, ${seconds} s each, pool 10, PostgreSQL ${shownUrl}, rate limits counted ${process.env.REDIS_URL ? 'in Redis' : 'in memory'}`);
  console.log(line(head));
  for (const row of rows) console.log(line(row));
  for (const note of notes) console.log(`  non-2xx ${note}`);
  const problems = fs.readFileSync(logPath, 'utf8').split('\n').filter((l) => /error|warn/i.test(l));
  if (problems.length) console.log(`  server log ${logPath}: ${problems.length} error/warning lines, first: ${problems[0].slice(0, 300)}`);
} catch (error) {
  console.error(`bench:scim failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
