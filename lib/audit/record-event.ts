import type { TenantDb } from '../db';

export type AuditActor =
  | { type: 'user'; id: string; label: string; ip?: string | null }
  | { type: 'service_account'; id: string; label: string }
  | { type: 'system'; label: string };

export interface AuditEventInput {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, string | number | boolean | null>;
  ip?: string;
}

/** Appends one audit record. Pass the transaction client so the record commits with the change. */
export async function recordAuditEvent(
  db: Pick<TenantDb, 'auditEvent'>,
  tenantId: string,
  event: AuditEventInput,
): Promise<void> {
  await db.auditEvent.create({
    data: {
      tenantId,
      actorType: event.actor.type,
      actorId: 'id' in event.actor ? event.actor.id : null,
      actorLabel: event.actor.label,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      details: event.details ?? {},
      ip: event.ip ?? ('ip' in event.actor ? (event.actor.ip ?? null) : null),
    },
  });
}
