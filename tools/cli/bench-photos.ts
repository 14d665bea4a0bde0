import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countPhotos, disconnectDb, makePhotosDue, tenantSql } from '../../lib/db';
import { migrate } from '../../lib/db/migrate';
import { syncDuePhotos, type SyncFigures } from '../../lib/photos/sync-photos';
import { localhostCertificate } from '../dev-idp/certificate';
import { startInProcessGraph } from '../dev-idp/launch';
import { seedTenant } from '../seed/seed-tenant';
import { printTable } from './bench-harness';
import { withThrowawayDatabase } from './throwaway-database';

// `npm run bench:photos [-- --users 10000 --graph-per-second 100]`: the photo
// job's work for a whole directory against the local Graph (tools/dev-idp/graph.ts,
// which throttles like Graph), on a throwaway database: the first sync (every
// photo downloaded and stored), the daily check (ETags unchanged, nothing
// downloaded), Graph's requests and 429s, and the storage a photo takes.

const { values } = parseArgs({ options: { users: { type: 'string', default: '10000' }, 'graph-per-second': { type: 'string', default: '100' } } });
const size = Number(values.users);
const perSecond = Number(values['graph-per-second']);
if (!Number.isInteger(size) || size < 1 || size > 200_000 || !Number.isInteger(perSecond) || perSecond < 1) {
  console.error('--users must be a whole number from 1 to 200,000, and --graph-per-second a positive whole number');
  process.exit(2);
}

// MSAL talks only to an https authority: the provider's certificate must be trusted from the process's start.
const tlsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgwiki-bench-photos-'));
if (!process.env.BENCH_PHOTOS_TLS) {
  const tls = await localhostCertificate();
  fs.writeFileSync(path.join(tlsDir, 'key.pem'), tls.key);
  fs.writeFileSync(path.join(tlsDir, 'cert.pem'), tls.cert);
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PHOTOS_TLS: tlsDir, NODE_EXTRA_CA_CERTS: path.join(tlsDir, 'cert.pem') },
  });
  fs.rmSync(tlsDir, { recursive: true, force: true });
  process.exit(child.status ?? 1);
}
fs.rmSync(tlsDir, { recursive: true, force: true });
const tls = {
  key: fs.readFileSync(path.join(process.env.BENCH_PHOTOS_TLS, 'key.pem'), 'utf8'),
  cert: fs.readFileSync(path.join(process.env.BENCH_PHOTOS_TLS, 'cert.pem'), 'utf8'),
};

const db = await withThrowawayDatabase();
process.env.DATABASE_URL = db.url;
const tid = randomUUID();
const idp = await startInProcessGraph({ tls, clientId: 'bench-photos', graphPerSecond: perSecond });
idp.accounts.grantConsent(tid);

async function syncAll(tenantId: string): Promise<{ seconds: number; figures: SyncFigures; requests: number; throttled: number }> {
  const before = idp.graph.requests(tid);
  const started = performance.now();
  const total: SyncFigures = { checked: 0, downloaded: 0, unchanged: 0, none: 0, failed: 0, notPermitted: false, throttled: 0, more: true };
  while (total.more) {
    const figures = await syncDuePhotos({ id: tenantId, entraTenantId: tid }, { deadline: Date.now() + 4 * 60_000 });
    for (const key of ['checked', 'downloaded', 'unchanged', 'none', 'failed', 'throttled'] as const) total[key] += figures[key];
    total.more = figures.more;
  }
  const after = idp.graph.requests(tid);
  return {
    seconds: (performance.now() - started) / 1000,
    figures: total,
    requests: after.answered - before.answered,
    throttled: after.throttled - before.throttled,
  };
}

try {
  await migrate(db.url);
  const { tenant } = await seedTenant({ subdomain: 'bench', displayName: 'Bench', size, withContent: false, entraTenantId: tid });
  const first = await syncAll(tenant.id);
  await makePhotosDue(tenant.id);
  const daily = await syncAll(tenant.id);
  const counts = await countPhotos(tenant.id);
  const [stored] = await tenantSql(tenant.id).rows<{ files: number; bytes: number }>(
    `SELECT count(*)::int AS "files", coalesce(sum(octet_length("bytes")), 0)::int AS "bytes" FROM "StoredFile" WHERE "tenantId" = $1`,
  );
  const row = (label: string, r: typeof first) => [
    label,
    `${r.seconds.toFixed(1)} s`,
    `${(r.figures.checked / r.seconds).toFixed(0)}/s`,
    r.figures.downloaded.toLocaleString('en'),
    r.figures.none.toLocaleString('en'),
    r.figures.failed.toLocaleString('en'),
    r.requests.toLocaleString('en'),
    r.throttled.toLocaleString('en'),
  ];
  console.log(`\nbench:photos, ${size.toLocaleString('en')} people, local Graph at ${perSecond} requests/s per directory, on ${db.kind}`);
  printTable(
    ['sync', 'time', 'people', 'downloaded', 'no photo', 'failed', 'Graph requests', '429s honoured'],
    [row('first (every photo new)', first), row('daily check (ETags unchanged)', daily)],
  );
  const photos = counts.synced;
  console.log(`  stored: ${photos.toLocaleString('en')} photos, ${stored.files.toLocaleString('en')} files, ${(stored.bytes / 1024 / 1024).toFixed(1)} MB;`);
  console.log(`  ${(stored.bytes / Math.max(1, photos) / 1024).toFixed(1)} KB per photo (256 and 64 px WebP)`);
} finally {
  await idp.close();
  await disconnectDb();
  await db.drop();
}
