import { provisioningBuckets, tenantSql, type ProvisioningBucket, type ProvisioningCounts } from '../db';

// The Provisioning page's charts: requests, changes and failures per hour for
// the last 7 days, or per day for the last 90, for users and for groups. Read
// from the hourly counts (lib/db/provisioning), so the answer costs the same
// for a tenant with a thousand log rows as for one with millions.

export type ActivityRange = '7d' | '90d';
export type ActivityResource = 'User' | 'Group';

export interface ActivityBucket extends ProvisioningCounts {
  start: Date;
}

export interface ProvisioningActivity {
  range: ActivityRange;
  size: 'hour' | 'day';
  /** Every bucket of the range, oldest first; those without requests are zeros. */
  series: Record<ActivityResource, ActivityBucket[]>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ZERO: ProvisioningCounts = { requests: 0, created: 0, updated: 0, deactivated: 0, deleted: 0, failures: 0 };

const floorTo = (ms: number, size: number) => Math.floor(ms / size) * size;

export async function provisioningActivity(tenantId: string, range: ActivityRange, now = new Date()): Promise<ProvisioningActivity> {
  const size = range === '7d' ? 'hour' : 'day';
  const step = size === 'hour' ? HOUR_MS : DAY_MS;
  const count = range === '7d' ? 7 * 24 : 90;
  // UTC hours and days: the same buckets for every admin, wherever they are.
  const first = floorTo(now.getTime(), step) - (count - 1) * step;
  const rows = await provisioningBuckets(tenantSql(tenantId), new Date(first), size);
  const found = new Map<string, ProvisioningBucket>(rows.map((row) => [`${row.resource} ${new Date(row.start).getTime()}`, row]));
  const seriesOf = (resource: ActivityResource): ActivityBucket[] =>
    Array.from({ length: count }, (_, i) => {
      const start = first + i * step;
      const row = found.get(`${resource} ${start}`);
      return { start: new Date(start), ...ZERO, ...(row ? countsOf(row) : {}) };
    });
  return { range, size, series: { User: seriesOf('User'), Group: seriesOf('Group') } };
}

function countsOf({ requests, created, updated, deactivated, deleted, failures }: ProvisioningCounts): ProvisioningCounts {
  return { requests, created, updated, deactivated, deleted, failures };
}
