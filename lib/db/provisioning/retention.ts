import type { TenantSql } from '../tenant-sql';

// How long the provisioning log is kept (docs/provisioning.md): raw rows, one
// per SCIM request, for 30 days, as Entra keeps its own provisioning logs; the
// hourly counts the charts read, for 400 days. Deleted a batch at a time, along
// the (tenantId, at) index, so that no statement holds locks for long.

const DELETE_LOG = `WITH gone AS (DELETE FROM "AuditEvent" WHERE "tenantId" = $1 AND "id" IN (
  SELECT "id" FROM "AuditEvent" WHERE "tenantId" = $1 AND "at" < $2 AND "action" LIKE 'scim.%' LIMIT $3) RETURNING 1)
  SELECT count(*)::int AS "count" FROM gone`;
const DELETE_HOURS = `WITH gone AS (DELETE FROM "ProvisioningHour" WHERE "tenantId" = $1 AND "hour" < $2 RETURNING 1)
  SELECT count(*)::int AS "count" FROM gone`;

type Count = { count: number };

/** Deletes up to `batch` of the tenant's raw provisioning-log rows older than `before`; returns how many went. */
export async function deleteProvisioningLogBefore(sql: TenantSql, before: Date, batch: number): Promise<number> {
  const [gone] = await sql.rows<Count>(DELETE_LOG, [before, batch]);
  return gone!.count;
}

/** Deletes the tenant's hourly counts older than `before`; returns how many went. */
export async function deleteProvisioningHoursBefore(sql: TenantSql, before: Date): Promise<number> {
  const [gone] = await sql.rows<Count>(DELETE_HOURS, [before]);
  return gone!.count;
}
