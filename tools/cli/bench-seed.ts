import { parseArgs } from 'node:util';
import { disconnectDb, platformDb } from '../../lib/db';
import { migrate } from '../../lib/db/migrate';
import { seedTenant } from '../seed/seed-tenant';
import { progressBar } from './progress';
import { withThrowawayDatabase } from './throwaway-database';

// `npm run bench:seed [-- --users 100000]`: on a throwaway database of the
// server at DATABASE_URL (or the embedded one when unset), times migrating an
// empty database, seeding the 200-person demo tenant and seeding N people.

const { values } = parseArgs({ options: { users: { type: 'string', default: '100000' } } });
const size = Number(values.users);
if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
  console.error('--users must be a whole number from 1 to 1,000,000');
  process.exit(2);
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
