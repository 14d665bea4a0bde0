import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { startCluster } from '../cluster/start-cluster';
import { getConfig } from '../../lib/config';
import { disconnectDb } from '../../lib/db';
import { adminQuery, createDatabase, databaseUrl } from '../../lib/db/server-admin';
import { launchDevIdp } from '../dev-idp/launch';
import { DEMO_DIRECTORY_ID } from '../seed/demo-directory';
import { seedTenant } from '../seed/seed-tenant';
import { siteOrigin } from '../../lib/tenancy/host';
import { openDatabase } from './database';
import { demoAuthSecret } from './demo-auth-secret';

// `npm run cluster [-- --instances N --demo]`: the production server as a
// deployment runs it, on one machine. N instances share one PostgreSQL server
// and one Redis, behind nginx on the port of ROOT_DOMAIN.

const DATA_DIR = '.data';
const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';
/** On the local server, when DATABASE_URL is unset; kept between runs, as the demo keeps .data. */
const LOCAL_DATABASE = 'orgwiki_cluster';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({ options: { instances: { type: 'string', default: '2' }, demo: { type: 'boolean', default: false } } });
const instances = Number(values.instances);
if (!Number.isInteger(instances) || instances < 1 || instances > 16) fail('--instances must be a whole number from 1 to 16');
const config = getConfig();
const root = config.ROOT_DOMAIN;
const port = Number(root.split(':')[1] ?? 3000);
const redisUrl = config.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function postgresUrl(): Promise<string> {
  const server = config.DATABASE_URL ?? LOCAL_SERVER;
  try {
    await adminQuery(server, 'SELECT 1');
  } catch (error) {
    fail(`npm run cluster needs a PostgreSQL server (DATABASE_URL, else ${new URL(LOCAL_SERVER).host}); none answered: ${(error as Error).message}`);
  }
  if (config.DATABASE_URL) return config.DATABASE_URL;
  const { rowCount } = await adminQuery(LOCAL_SERVER, 'SELECT 1 FROM pg_database WHERE datname = $1', [LOCAL_DATABASE]);
  return rowCount ? databaseUrl(LOCAL_SERVER, LOCAL_DATABASE) : createDatabase(LOCAL_SERVER, LOCAL_DATABASE);
}

async function checkRedis(): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    fail(
      `npm run cluster needs Redis (REDIS_URL, else ${redisUrl}) for the shared rate limits and revocations; it did not answer: ${(error as Error).message}`,
    );
  } finally {
    redis.disconnect();
  }
}

const url = await postgresUrl();
process.env.DATABASE_URL = url;
await checkRedis();
if (!fs.existsSync('.next/BUILD_ID')) {
  console.log('No production build yet: running npm run build.');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) fail('The build failed.');
}
await openDatabase({ migrate: true });
if (values.demo) {
  const seeded = await seedTenant({ subdomain: 'acme', displayName: 'Acme Corporation', size: 200, withContent: true, entraTenantId: DEMO_DIRECTORY_ID });
  console.log(seeded.created ? `Seeded the demo tenant acme with ${seeded.people} people.` : 'Demo tenant acme is ready.');
}
// The demo signs in against the local identity provider unless Microsoft is configured; it reads the database.
const idp = values.demo && !config.AUTH_MICROSOFT_ENTRA_ID_ID ? await launchDevIdp(root, port, DATA_DIR) : null;
if (!idp) await disconnectDb();

let cluster;
try {
  cluster = await startCluster({
    instances,
    port,
    rootDomain: root,
    databaseUrl: url,
    redisUrl,
    authSecret: config.AUTH_SECRET ?? demoAuthSecret(DATA_DIR),
    env: idp?.env,
    echo: true,
  });
} catch (error) {
  await Promise.all([idp?.idp.close(), disconnectDb()]);
  fail(`Could not start the cluster: ${(error as Error).message}`);
}

const shownDb = Object.assign(new URL(url), { password: '' });
console.log(`
TheOrgWiki cluster: ${instances} instance${instances > 1 ? 's' : ''} behind nginx, PostgreSQL at ${shownDb.host}${shownDb.pathname}, Redis at ${new URL(redisUrl).host}
  Landing page and sign-up:  ${siteOrigin(root)}/${values.demo ? `\n  Demo tenant (acme):        ${siteOrigin(root, 'acme')}/` : ''}
  Instances:                 ${cluster.instancePorts.map((p) => `127.0.0.1:${p}`).join(', ')} (the X-Upstream response header names the one that answered)
  Logs:                      ${cluster.logDir}
Ctrl+C stops nginx and the instances.
`);

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping nginx and the instances`);
    void cluster
      .stop()
      .then(() => Promise.all([idp?.idp.close(), disconnectDb()]))
      .finally(() => process.exit(code));
  });
}
