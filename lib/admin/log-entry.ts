import { isUuid, tenantDb, type Prisma } from '../db';
import { NAME_COLUMNS, personName } from '../directory/person-name';
import { logOutcome, logSentence, readableAddress } from './log-sentence';

// The Admin Console's two logs live in AuditEvent: the provisioning log (every
// SCIM request; actions start with "scim.") and the audit log (every admin
// action; the other actions). Both are read a page at a time, as these entries:
// sentences with names rather than ids.

export const LOG_PAGE_SIZE = 50;
/** Counting every row of a log of millions costs seconds; past this many the page says "1,000+" (the CSV export takes up to 10,000). */
const LOG_COUNT_CAP = 1_000;

/** The provisioning log's rows; every other row is the audit log's. */
export const PROVISIONING: Prisma.AuditEventWhereInput = { action: { startsWith: 'scim.' } };

export interface LogEntry {
  id: string;
  at: Date;
  /** Who, as recorded: a person's name, or a service account and its token. */
  actor: string;
  /** The recorded action, e.g. "scim.user.patch" (for the export, and shown on hover). */
  action: string;
  /** What happened, e.g. "Entra deactivated Quinn Okafor". */
  sentence: string;
  /** e.g. "User 0f1e…" (for the export). */
  target: string | null;
  status: number | null;
  outcome: { ok: boolean; label: string };
  /** Each changed attribute's "before → after", ids of people and groups replaced by their names. */
  details: Record<string, unknown>;
  ip: string | null;
  /** The address as people read it ("this server (localhost)" for ::1). */
  address: string | null;
}

type Row = Prisma.AuditEventGetPayload<object>;

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const detailsOf = (row: Row) => (row.details && typeof row.details === 'object' && !Array.isArray(row.details) ? row.details : {}) as Record<string, unknown>;

/** The names of the people and groups a page of rows mentions, by id: targets, and ids inside changes (a manager). */
async function namesOf(tenantId: string, rows: Row[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.targetId && isUuid(row.targetId)) ids.add(row.targetId);
    for (const value of Object.values(detailsOf(row))) if (typeof value === 'string') for (const id of value.match(UUID_IN_TEXT) ?? []) ids.add(id);
  }
  if (ids.size === 0) return new Map();
  const db = tenantDb(tenantId);
  const [users, groups] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, ...NAME_COLUMNS },
    }),
    db.group.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true } }),
  ]);
  return new Map([...users.map((u) => [u.id, personName(u)] as const), ...groups.map((g) => [g.id, g.displayName] as const)]);
}

function logEntry(row: Row, names: Map<string, string>): LogEntry {
  const { status: recorded, ...rest } = detailsOf(row);
  const status = typeof recorded === 'number' ? recorded : null;
  const details = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, typeof value === 'string' ? value.replace(UUID_IN_TEXT, (id) => names.get(id) ?? id) : value]),
  );
  return {
    id: row.id,
    at: row.at,
    actor: row.actorLabel,
    action: row.action,
    sentence: logSentence({ ...row, targetName: row.targetId ? (names.get(row.targetId) ?? null) : null, details: rest, status }),
    target: row.targetType ? `${row.targetType} ${row.targetId ?? ''}`.trim() : null,
    status,
    outcome: logOutcome(status),
    details,
    ip: row.ip,
    address: readableAddress(row.ip),
  };
}

/** One page of the log's rows that `where` selects, newest first; a page past the end shows the last. `total` stops at LOG_COUNT_CAP. */
export async function pageOfLog(tenantId: string, where: Prisma.AuditEventWhereInput, page: number, pageSize = LOG_PAGE_SIZE) {
  const db = tenantDb(tenantId);
  const total = await db.auditEvent.count({ where, take: LOG_COUNT_CAP + 1 });
  const pageCount = Math.max(1, Math.ceil(Math.min(total, LOG_COUNT_CAP) / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (current - 1) * pageSize, take: pageSize });
  const names = await namesOf(tenantId, rows);
  return { entries: rows.map((row) => logEntry(row, names)), total: Math.min(total, LOG_COUNT_CAP), more: total > LOG_COUNT_CAP, page: current, pageCount };
}
