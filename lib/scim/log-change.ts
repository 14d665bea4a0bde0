import { recordAuditEvent } from '../audit/record-event';
import type { TenantDb } from '../db';
import type { ScimContext } from './scim-route';

/**
 * Writes the provisioning-log entry of a SCIM change inside the change's own
 * transaction (so the log never claims a change that rolled back) and tells
 * the route that this request is logged.
 */
export function logScimChange(
  tx: Pick<TenantDb, 'auditEvent'>,
  ctx: ScimContext,
  action: string,
  target: { type: 'User' | 'Group'; id: string },
  details: Record<string, string | number>,
): Promise<void> {
  ctx.logged = true;
  return recordAuditEvent(tx, ctx.tenant.id, {
    actor: { type: 'service_account', id: ctx.actor.actorId, label: ctx.actor.actorLabel },
    action,
    target,
    details,
    ip: ctx.actor.ip ?? undefined,
  });
}
