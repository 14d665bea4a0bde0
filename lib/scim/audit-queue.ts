import { tenantDb } from '../db';

// Reads and refusals are logged in batches: writing one row per GET in the
// request's own path would double the database work of a provisioning cycle.
// Changes are logged inside their own transaction instead (see the domain functions).

export interface ScimLogEntry {
  tenantId: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, string | number | boolean | null>;
  ip: string | null;
  at: Date;
}

const FLUSH_MS = 500;
const FLUSH_AT = 500;
let pending: ScimLogEntry[] = [];
let timer: NodeJS.Timeout | null = null;

async function flush(): Promise<void> {
  timer = null;
  const batch = pending;
  pending = [];
  const byTenant = new Map<string, ScimLogEntry[]>();
  for (const entry of batch) {
    const entries = byTenant.get(entry.tenantId) ?? [];
    entries.push(entry);
    byTenant.set(entry.tenantId, entries);
  }
  for (const [tenantId, entries] of byTenant) {
    await tenantDb(tenantId)
      .auditEvent.createMany({
        data: entries.map((e) => ({
          tenantId,
          at: e.at,
          actorType: e.actorId ? ('service_account' as const) : ('system' as const),
          actorId: e.actorId,
          actorLabel: e.actorLabel,
          action: e.action,
          targetType: e.targetType,
          targetId: e.targetId,
          details: e.details,
          ip: e.ip,
        })),
      })
      .catch((error: unknown) => console.error(`scim audit: ${entries.length} events not written: ${(error as Error).message}`));
  }
}

export function queueScimLog(entry: ScimLogEntry): void {
  pending.push(entry);
  if (pending.length >= FLUSH_AT) void flush();
  else timer ??= setTimeout(() => void flush(), FLUSH_MS);
}

/** Writes what is queued now (tests, shutdown). */
export function flushScimLog(): Promise<void> {
  if (timer) clearTimeout(timer);
  return flush();
}
