import type { Prisma } from '../db';
import { LOG_PAGE_SIZE, pageOfLog, PROVISIONING } from './log-entry';

// The provisioning log (every SCIM request, written by lib/scim/provisioning-log-queue.ts
// and in the statements of SCIM's changes) as the Admin Console's Provisioning page reads it.

const EXPORT_LIMIT = 10_000;

export interface ProvisioningLogFilters {
  outcome: 'all' | 'success' | 'failure';
  operation: 'all' | 'create' | 'update' | 'delete' | 'read';
  /** Matches the token's service account and name, the target id, or the person's userName. */
  search: string;
}

const failed: Prisma.AuditEventWhereInput = { details: { path: ['status'], gte: 400 } };

function where(filters: ProvisioningLogFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [PROVISIONING];
  if (filters.outcome === 'failure') and.push(failed);
  if (filters.outcome === 'success') and.push({ NOT: failed });
  const suffix = { create: ['.create'], update: ['.patch', '.replace'], delete: ['.delete'] } as const;
  if (filters.operation === 'read') and.push({ action: 'scim.get' });
  else if (filters.operation !== 'all') and.push({ OR: suffix[filters.operation].map((s) => ({ action: { endsWith: s } })) });
  const search = filters.search.trim();
  if (search) {
    and.push({
      OR: [{ actorLabel: { contains: search, mode: 'insensitive' } }, { targetId: search }, { details: { path: ['userName'], string_contains: search } }],
    });
  }
  return { AND: and };
}

export function listProvisioningLog(tenantId: string, filters: ProvisioningLogFilters, page: number, pageSize = LOG_PAGE_SIZE) {
  return pageOfLog(tenantId, where(filters), page, pageSize);
}

/** A spreadsheet cell: quoted, and never read as a formula (CSV injection). */
function cell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export async function provisioningLogCsv(tenantId: string, filters: ProvisioningLogFilters): Promise<string> {
  const { entries } = await listProvisioningLog(tenantId, filters, 1, EXPORT_LIMIT);
  const lines = [['time', 'token', 'operation', 'target', 'status', 'changes', 'ip'].map(cell).join(',')];
  for (const e of entries) lines.push([e.at, e.actor, e.action, e.target, e.status ?? 'ok', e.details, e.ip].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
