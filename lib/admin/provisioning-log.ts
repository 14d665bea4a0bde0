import { csvLine } from '../csv';
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

// Each operation's actions by name, so that the (tenantId, action, at) index finds them.
const ACTIONS = {
  create: ['scim.user.create', 'scim.group.create', 'scim.post'],
  update: ['scim.user.patch', 'scim.user.replace', 'scim.group.patch', 'scim.group.replace', 'scim.patch', 'scim.put'],
  delete: ['scim.user.delete', 'scim.group.delete', 'scim.delete'],
  read: ['scim.get'],
} as const;

function where(filters: ProvisioningLogFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [PROVISIONING];
  // "failed" is indexed by itself (the failures are few among millions of reads).
  if (filters.outcome !== 'all') and.push({ failed: filters.outcome === 'failure' });
  if (filters.operation !== 'all') and.push({ action: { in: [...ACTIONS[filters.operation]] } });
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

export async function provisioningLogCsv(tenantId: string, filters: ProvisioningLogFilters): Promise<string> {
  const { entries } = await listProvisioningLog(tenantId, filters, 1, EXPORT_LIMIT);
  const lines = [csvLine(['time', 'event', 'outcome', 'token', 'operation', 'target', 'status', 'changes', 'ip'])];
  for (const e of entries) lines.push(csvLine([e.at, e.sentence, e.outcome.label, e.actor, e.action, e.target, e.status, e.details, e.ip]));
  return lines.join('');
}
