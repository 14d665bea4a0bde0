import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { pageOfLog, PROVISIONING } from '../../lib/admin/log-entry';
import { listProvisioningLog } from '../../lib/admin/provisioning-log';
import { provisioningActivity } from '../../lib/admin/provisioning-activity';
import { provisioningStatus } from '../../lib/admin/provisioning-status';
import { disconnectDb, insertProvisioningLogRows, tenantSql, type ProvisioningLogRow } from '../../lib/db';
import { migrate } from '../../lib/db/migrate';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { printTable } from './bench-harness';
import { withThrowawayDatabase } from './throwaway-database';

// `npm run bench:activity [-- --millions 1,5,20 --runs 30]`: the Provisioning
// page's reads for one tenant whose provisioning log holds 1, 5 and 20 million
// rows (spread over the 30 days the log keeps, on a throwaway database): the
// charts (7 days by hour, 90 by day), the Status box, and the log's first page;
// beside them, the same 7-day chart counted from the raw rows, which is what
// the hourly counts (docs/provisioning.md) spare. Also what the counts cost a
// write: a batch of 500 log rows with the trigger on and off.

const { values } = parseArgs({ options: { millions: { type: 'string', default: '1,5,20' }, runs: { type: 'string', default: '30' } } });
const sizes = values.millions.split(',').map((m) => Math.round(Number(m) * 1_000_000));
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 50_000_000) || !Number.isInteger(runs) || runs < 1) {
  console.error('--millions is a list of sizes up to 50 (e.g. 1,5,20), --runs a positive whole number');
  process.exit(2);
}

const DAY_MS = 86_400_000;
const CHUNK = 1_000_000;

// Rows as Entra's cycles leave them: mostly reads, some changes, 2% of requests failed, over the last 30 days.
const FILL = `INSERT INTO "AuditEvent" ("id", "tenantId", "at", "actorType", "actorId", "actorLabel", "action", "targetType", "targetId", "details", "ip", "failed")
  SELECT gen_random_uuid(), $1, now() - (random() * interval '30 days'), 'service_account', 'bench', 'Entra (token bench)',
    a.action, a.target, NULL,
    CASE WHEN a.action LIKE 'scim.%.%' THEN jsonb_build_object('title', '"A" → "B"') ELSE jsonb_build_object('path', a.path, 'status', a.status) END,
    '10.0.0.1', a.status >= 400
  FROM generate_series(1, $2::int) g,
  LATERAL (SELECT CASE WHEN r < 0.80 THEN 'scim.get' WHEN r < 0.90 THEN 'scim.user.patch' WHEN r < 0.95 THEN 'scim.user.create'
      WHEN r < 0.97 THEN 'scim.user.delete' ELSE 'scim.group.patch' END AS action,
    CASE WHEN r < 0.97 THEN 'User' ELSE 'Group' END AS target,
    CASE WHEN r < 0.5 THEN '/Users' ELSE '/Groups' END AS path,
    CASE WHEN r < 0.80 AND random() < 0.025 THEN 500 ELSE 200 END AS status
    FROM (SELECT random() + g * 0 AS r) x) a`;

// The 7-day chart as it would be without the hourly counts.
const RAW_WEEK = `SELECT date_trunc('hour', "at", 'UTC') AS "hour", count(*)::int AS "requests",
    count(*) FILTER (WHERE "details"->>'status' >= '400')::int AS "failures"
  FROM "AuditEvent" WHERE "tenantId" = $1 AND "action" LIKE 'scim.%' AND "at" >= now() - interval '7 days' GROUP BY 1`;

async function time(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

const shown = (t: { p50: number; p95: number }) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;

const db = await withThrowawayDatabase();
process.env.DATABASE_URL = db.url;
try {
  await migrate(db.url);
  const tenant = await createTenant({ subdomain: 'bench', displayName: 'Bench' });
  const sql = tenantSql(tenant.id);

  // A write's cost: 500 rows (a full batch of the log's queue), with and without the trigger.
  const batch: ProvisioningLogRow[] = Array.from({ length: 500 }, () => ({
    actor: { type: 'service_account', id: randomUUID(), label: 'Entra (token bench)' },
    action: 'scim.get',
    targetType: null,
    targetId: null,
    details: { path: '/Users', status: 200 },
  }));
  const withTrigger = await time(() => insertProvisioningLogRows(sql, batch));
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_provisioning_hours"`);
  const withoutTrigger = await time(() => insertProvisioningLogRows(sql, batch));
  await admin.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_provisioning_hours"`);
  console.log(`writing 500 log rows (p50 / p95 ms, ${runs} runs): with the hourly counts ${shown(withTrigger)}, without ${shown(withoutTrigger)}\n`);

  const rows: string[][] = [];
  let filled = (await sql.rows<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "tenantId" = $1`))[0]!.n;
  for (const size of sizes) {
    const started = performance.now();
    while (filled < size) {
      const n = Math.min(CHUNK, size - filled);
      await sql.rows(FILL, [n]);
      filled += n;
    }
    await admin.query(`ANALYZE "AuditEvent"`);
    const fillSeconds = (performance.now() - started) / 1000;
    const now = new Date();
    const week = await time(() => provisioningActivity(tenant.id, '7d', now));
    const quarter = await time(() => provisioningActivity(tenant.id, '90d', now));
    const status = await time(() => provisioningStatus(tenant.id, 2, now));
    const firstPage = await time(() => pageOfLog(tenant.id, PROVISIONING, 1));
    const failures = await time(() => listProvisioningLog(tenant.id, { outcome: 'failure', operation: 'all', search: '' }, 1));
    const raw = await time(() => sql.rows(RAW_WEEK));
    rows.push([
      `${(size / 1_000_000).toLocaleString('en')} M`,
      fillSeconds.toFixed(0),
      shown(week),
      shown(quarter),
      shown(status),
      shown(firstPage),
      shown(failures),
      shown(raw),
    ]);
    console.log(`${size.toLocaleString('en')} rows ready`);
  }
  await admin.end();
  console.log(
    `\nProvisioning page reads, p50 / p95 ms over ${runs} runs (${db.kind}; rows over ${30} days, ${new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10)} on):`,
  );
  printTable(['log rows', 'fill s', 'chart 7 days', 'chart 90 days', 'status box', 'log page 1', 'failures page 1', 'raw 7-day count'], rows);
} finally {
  await disconnectDb();
  await db.drop();
}
