import { parseArgs } from 'node:util';
import { disconnectDb } from '../../lib/db';
import { seedTenant } from '../seed/seed-tenant';
import { openDatabase } from './database';
import { progressBar } from './progress';

// `npm run db:seed`                                   the demo tenant acme (200 people, groups, pages)
// `npm run db:seed -- --subdomain big --users 100000`  a tenant of N generated people, for benchmarks
const { values } = parseArgs({
  options: {
    subdomain: { type: 'string', default: 'acme' },
    name: { type: 'string' },
    users: { type: 'string', default: '200' },
  },
});
const size = Number(values.users);
if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
  console.error('--users must be a whole number from 1 to 1,000,000');
  process.exit(2);
}

const db = await openDatabase({ migrate: true });
const bar = progressBar(size, `Seeding ${values.subdomain}`);
const started = performance.now();
try {
  const result = await seedTenant({
    subdomain: values.subdomain,
    displayName: values.name ?? (values.subdomain === 'acme' ? 'Acme Corporation' : values.subdomain),
    size,
    withContent: values.subdomain === 'acme' || size <= 1_000,
    onProgress: bar.update,
  });
  bar.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    result.created
      ? `Seeded ${result.tenant.subdomain}: ${result.people} people in ${seconds} s. Admins: ${result.admins.join(', ')}`
      : `Tenant ${result.tenant.subdomain} already exists; nothing seeded.`,
  );
} finally {
  await disconnectDb();
  await db.stop();
}
