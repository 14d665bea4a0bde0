import { v7 as uuidv7 } from 'uuid';
import { actorColumns, type Actor } from '../../actor';
import type { TenantSql } from '../tenant-sql';

// Provisioning-log rows written with raw SQL: inside a SCIM change's own
// statement (so the log never claims a change that rolled back) and in
// batches for reads. The rows travel as one JSON parameter.

export interface ProvisioningLogRow {
  at?: Date;
  actor: Actor;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** The parameter that provisioningLogInsert() reads. */
export function provisioningLogParam(rows: readonly ProvisioningLogRow[]): string {
  return JSON.stringify(rows.map(({ actor, ...row }) => ({ ...row, ...actorColumns(actor), id: uuidv7(), at: (row.at ?? new Date()).toISOString() })));
}

/** An INSERT of the rows in parameter $`param`; `when` is an extra condition (e.g. that a CTE wrote a row). */
export function provisioningLogInsert(param: number, when = 'true'): string {
  return `INSERT INTO "AuditEvent" ("id", "tenantId", "at", "actorType", "actorId", "actorLabel", "action", "targetType", "targetId", "details", "ip", "failed")
    SELECT e."id", $1, e."at", e."actorType"::"ActorType", e."actorId", e."actorLabel", e."action", e."targetType", e."targetId", coalesce(e."details", '{}'), e."ip",
      coalesce((provisioning_counted(e."action", e."targetType", e."details")).failed, false)
    FROM json_to_recordset($${param}::json) AS e("id" uuid, "at" timestamptz, "actorType" text, "actorId" text, "actorLabel" text,
      "action" text, "targetType" text, "targetId" text, "details" jsonb, "ip" text)
    WHERE ${when}`;
}

const INSERT_PROVISIONING_LOG = provisioningLogInsert(2);

export async function insertProvisioningLogRows(sql: TenantSql, rows: readonly ProvisioningLogRow[]): Promise<void> {
  if (rows.length > 0) await sql.rows(INSERT_PROVISIONING_LOG, [provisioningLogParam(rows)]);
}
