import { tenantDb, type Prisma } from '../db';

// The Admin Console's two logs live in AuditEvent: the provisioning log (every
// SCIM request; actions start with "scim.") and the audit log (every admin
// action; the other actions). Both are read a page at a time, as these entries.

export const LOG_PAGE_SIZE = 50;

/** The provisioning log's rows; every other row is the audit log's. */
export const PROVISIONING: Prisma.AuditEventWhereInput = { action: { startsWith: 'scim.' } };

export interface LogEntry {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  status: number | null;
  details: Record<string, unknown>;
  ip: string | null;
}

function logEntry(row: {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Prisma.JsonValue;
  ip: string | null;
}): LogEntry {
  const details = (row.details && typeof row.details === 'object' && !Array.isArray(row.details) ? row.details : {}) as Record<string, unknown>;
  const { status, ...rest } = details;
  return {
    id: row.id,
    at: row.at,
    actor: row.actorLabel,
    action: row.action,
    target: row.targetType ? `${row.targetType} ${row.targetId ?? ''}`.trim() : null,
    status: typeof status === 'number' ? status : null,
    details: rest,
    ip: row.ip,
  };
}

/** One page of the log's rows that `where` selects, newest first; a page past the end shows the last. */
export async function pageOfLog(tenantId: string, where: Prisma.AuditEventWhereInput, page: number, pageSize = LOG_PAGE_SIZE) {
  const db = tenantDb(tenantId);
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (current - 1) * pageSize, take: pageSize });
  return { entries: rows.map(logEntry), total, page: current, pageCount };
}
