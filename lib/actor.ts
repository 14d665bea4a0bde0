/**
 * Who did something, the one shape both logs record it in (the audit log and
 * the provisioning log, AuditEvent's actor columns): a signed-in person, a
 * service account's token (SCIM), or the system itself. `ip` is the address
 * the request came from, when there was one.
 */
export type Actor =
  | { type: 'user'; id: string; label: string; ip?: string | null }
  | { type: 'service_account'; id: string; label: string; ip?: string | null }
  | { type: 'system'; label: string; ip?: string | null };

/** The AuditEvent columns that record an actor. */
export function actorColumns(actor: Actor) {
  return { actorType: actor.type, actorId: 'id' in actor ? actor.id : null, actorLabel: actor.label, ip: actor.ip ?? null };
}
