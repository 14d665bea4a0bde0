import { actorColumns, type Actor } from '../actor';
import type { TenantDb } from '../db';

export interface AuditEventInput {
  actor: Actor;
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, string | number | boolean | null>;
  ip?: string;
}

/** Appends one audit record. Pass the transaction client so the record commits with the change. */
export async function recordAuditEvent(db: Pick<TenantDb, 'auditEvent'>, tenantId: string, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      tenantId,
      ...actorColumns(event.actor),
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      details: event.details ?? {},
      ip: event.ip ?? event.actor.ip ?? null,
    },
  });
}
