import type { ProvisioningLogRow } from '../db';
import type { ScimContext } from './scim-context';

/**
 * The provisioning-log entry of a SCIM change. The store writes it in the
 * change's own statement, so the log never claims a change that rolled back;
 * the service returns it (Written), and the request log skips the request.
 */
export function provisioningLogEntry(
  ctx: ScimContext,
  action: string,
  target: { type: 'User' | 'Group'; id: string },
  details: Record<string, unknown>,
): ProvisioningLogRow {
  return {
    actor: ctx.actor,
    action,
    targetType: target.type,
    targetId: target.id,
    details,
  };
}
