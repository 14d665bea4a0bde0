import type { AuditRow } from '../db';
import type { ScimContext } from './scim-context';

/**
 * The provisioning-log entry of a SCIM change. The store writes it in the
 * change's own statement, so the log never claims a change that rolled back;
 * the service then sets ctx.logged, and the request log skips the request.
 */
export function scimChangeLog(
  ctx: ScimContext,
  action: string,
  target: { type: 'User' | 'Group'; id: string },
  details: Record<string, unknown>,
): AuditRow {
  return {
    actorType: 'service_account',
    actorId: ctx.actor.actorId,
    actorLabel: ctx.actor.actorLabel,
    action,
    targetType: target.type,
    targetId: target.id,
    details,
    ip: ctx.actor.ip,
  };
}
