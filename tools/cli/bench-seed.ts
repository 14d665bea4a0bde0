import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { disconnectDb, platformDb } from '../../lib/db';
import { startEmbeddedDatabase, THROWAWAY_DATA_DIR } from '../../lib/db/embedded/start';
import { migrate } from '../../lib/db/migrate';
import { createDatabase, dropDatabase } from '../../lib/db/server-admin';
import { seedTenant } from '../seed/seed-tenant';
import { progressBar } from './progress';

// `npm run bench:seed [-- --users 100000]`: on a throwaway database of the
// server at DATABASE_URL (or the embedded one when unset), times migrating an
// empty database, seeding the 200-person demo tenant and seeding N people.

const { values } = parseArgs({ options: { users: { type: 'string', default: '100000' } } });
const size = Number(values.users);
if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
  console.error('--users must be a whole number from 1 to 1,000,000');
  process.exit(2);
}

async function withThrowawayDatabase(): Promise<{ url: string; kind: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const db = await startEmbeddedDatabase({ dataDir: THROWAWAY_DATA_DIR, port: 0 });
    return { url: db.url, kind: 'embedded PostgreSQL', drop: db.stop };
  }
  const name = `orgwiki_bench_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(server, name);
  return { url, kind: `PostgreSQL ${new URL(url).host}`, drop: () => dropDatabase(server, name) };
}

const db = await withThrowawayDatabase();
process.env.DATABASE_URL = db.url;
const rows: [string, string][] = [];
const time = async (label: string, work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  rows.push([label, `${((performance.now() - started) / 1000).toFixed(2)} s`]);
};
try {
  await time('migrate an empty database', () => migrate(db.url));
  await time('seed the demo tenant (200 people, groups, pages)', () => seedTenant({ subdomain: 'acme', displayName: 'Acme', size: 200, withContent: true }));
  const bar = progressBar(size, `Seeding ${size} people`);
  await time(`seed ${size.toLocaleString('en')} people`, () =>
    seedTenant({ subdomain: 'bench', displayName: 'Bench', size, withContent: false, onProgress: bar.update }),
  );
  bar.stop();
  rows.push(['tenants in the database', String((await platformDb.listTenants()).length)]);
} finally {
  await disconnectDb();
  await db.drop();
}
console.log(`\nbench:seed on ${db.kind}`);
for (const [label, value] of rows) console.log(`  ${label.padEnd(52)} ${value}`);
