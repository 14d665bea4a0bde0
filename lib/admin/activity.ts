import { tenantDb, type Prisma } from '../db';

// The provisioning log (every SCIM request) and the admin audit log, as the
// Admin Console reads them. Both live in AuditEvent: SCIM's actions start with
// "scim.", the console's do not.

export const ACTIVITY_PAGE_SIZE = 50;
export const EXPORT_LIMIT = 10_000;

export interface ActivityFilters {
  outcome: 'all' | 'success' | 'failure';
  operation: 'all' | 'create' | 'update' | 'delete' | 'read';
  /** Matches the token's service account and name, the target id, or the person's userName. */
  search: string;
}

export interface ActivityEntry {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  status: number | null;
  details: Record<string, unknown>;
  ip: string | null;
}

const failed: Prisma.AuditEventWhereInput = { details: { path: ['status'], gte: 400 } };

function where(filters: ActivityFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [{ action: { startsWith: 'scim.' } }];
  if (filters.outcome === 'failure') and.push(failed);
  if (filters.outcome === 'success') and.push({ NOT: failed });
  const suffix = { create: ['.create'], update: ['.patch', '.replace'], delete: ['.delete'] } as const;
  if (filters.operation === 'read') and.push({ action: 'scim.get' });
  else if (filters.operation !== 'all') and.push({ OR: suffix[filters.operation].map((s) => ({ action: { endsWith: s } })) });
  const search = filters.search.trim();
  if (search) {
    and.push({
      OR: [
        { actorLabel: { contains: search, mode: 'insensitive' } },
        { targetId: search },
        { details: { path: ['userName'], string_contains: search } },
      ],
    });
  }
  return { AND: and };
}

function entry(row: { id: string; at: Date; actorLabel: string; action: string; targetType: string | null; targetId: string | null; details: Prisma.JsonValue; ip: string | null }): ActivityEntry {
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

export async function listProvisioningActivity(tenantId: string, filters: ActivityFilters, page: number, pageSize = ACTIVITY_PAGE_SIZE) {
  const db = tenantDb(tenantId);
  const filter = where(filters);
  const total = await db.auditEvent.count({ where: filter });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.auditEvent.findMany({ where: filter, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (current - 1) * pageSize, take: pageSize });
  return { entries: rows.map(entry), total, page: current, pageCount };
}

export async function listAdminActivity(tenantId: string, page: number) {
  const db = tenantDb(tenantId);
  const filter: Prisma.AuditEventWhereInput = { NOT: { action: { startsWith: 'scim.' } } };
  const total = await db.auditEvent.count({ where: filter });
  const pageCount = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.auditEvent.findMany({ where: filter, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (current - 1) * ACTIVITY_PAGE_SIZE, take: ACTIVITY_PAGE_SIZE });
  return { entries: rows.map(entry), total, page: current, pageCount };
}

/** A spreadsheet cell: quoted, and never read as a formula (CSV injection). */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export async function provisioningActivityCsv(tenantId: string, filters: ActivityFilters): Promise<string> {
  const { entries } = await listProvisioningActivity(tenantId, filters, 1, EXPORT_LIMIT);
  const lines = [['time', 'token', 'operation', 'target', 'status', 'changes', 'ip'].map(cell).join(',')];
  for (const e of entries) lines.push([e.at, e.actor, e.action, e.target, e.status ?? 'ok', e.details, e.ip].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
