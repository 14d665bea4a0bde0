import type { TenantSql } from '../tenant-sql';

// The provisioning log counted per hour and resource (the ProvisioningHour
// table, kept by a trigger on AuditEvent: prisma/migrations/20261210000000_provisioning_hours).

export interface ProvisioningCounts {
  requests: number;
  created: number;
  updated: number;
  deactivated: number;
  deleted: number;
  failures: number;
}

export interface ProvisioningBucket extends ProvisioningCounts {
  /** The bucket's start (UTC). */
  start: Date;
  resource: 'User' | 'Group' | 'Other';
}

const SUMS = `sum("requests")::int AS "requests", sum("created")::int AS "created", sum("updated")::int AS "updated",
  sum("deactivated")::int AS "deactivated", sum("deleted")::int AS "deleted", sum("failures")::int AS "failures"`;

const BY_HOUR = `SELECT "hour" AS "start", "resource", ${SUMS} FROM "ProvisioningHour"
  WHERE "tenantId" = $1 AND "hour" >= $2 GROUP BY 1, 2 ORDER BY 1, 2`;
const BY_DAY = `SELECT date_trunc('day', "hour", 'UTC') AS "start", "resource", ${SUMS} FROM "ProvisioningHour"
  WHERE "tenantId" = $1 AND "hour" >= $2 GROUP BY 1, 2 ORDER BY 1, 2`;
const TOTAL = `SELECT coalesce(sum("requests"), 0)::int AS "requests", coalesce(sum("created"), 0)::int AS "created",
  coalesce(sum("updated"), 0)::int AS "updated", coalesce(sum("deactivated"), 0)::int AS "deactivated",
  coalesce(sum("deleted"), 0)::int AS "deleted", coalesce(sum("failures"), 0)::int AS "failures"
  FROM "ProvisioningHour" WHERE "tenantId" = $1 AND "hour" >= $2 AND "resource" = ANY($3::text[])`;

/** Counts per hour or per UTC day from `since` (a bucket's start), for the buckets that had requests. */
export function provisioningBuckets(sql: TenantSql, since: Date, size: 'hour' | 'day'): Promise<ProvisioningBucket[]> {
  return sql.rows<ProvisioningBucket>(size === 'hour' ? BY_HOUR : BY_DAY, [since]);
}

/** The counts of the hours from `since` (an hour's start) for the resources named. */
export async function provisioningTotal(sql: TenantSql, since: Date, resources: readonly ProvisioningBucket['resource'][]): Promise<ProvisioningCounts> {
  const [total] = await sql.rows<ProvisioningCounts>(TOTAL, [since, resources]);
  return total!;
}

const RECENT = `SELECT count(*)::int AS "requests", count(*) FILTER (WHERE (provisioning_counted("action", "targetType", "details")).failed)::int AS "failures"
  FROM "AuditEvent" WHERE "tenantId" = $1 AND "at" >= $2 AND "action" LIKE 'scim.%'`;

/** Requests and failures since `since`, counted from the log's rows (for a window shorter than an hour's counts). */
export async function recentProvisioning(sql: TenantSql, since: Date): Promise<{ requests: number; failures: number }> {
  const [recent] = await sql.rows<{ requests: number; failures: number }>(RECENT, [since]);
  return recent!;
}
