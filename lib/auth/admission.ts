import { isUniqueViolation, isUuid, platformDb, tenantDb, type Tenant, type User } from '../db';
import type { EntraIdentity } from './entra-provider';
import { isDirectoryAdmin, PERSONAL_ACCOUNTS_TID } from './entra-ids';
import { createUserFromIdentity } from './identity-user';

// Who may enter a tenant's site: people of the tenant's own Microsoft
// directory, matched to their provisioned user by immutable ids only
// (docs/sign-in.md, "Matching people"):
// 1. the object id (`oid`) recorded at an earlier sign-in;
// 2. else the object id as SCIM's externalId, where the tenant maps Entra's
//    objectId to it (the mapping the Admin Console recommends);
// 3. else the work email, only when the token says its domain is the
//    directory's own (`xms_edov`), only when one profile has it, and never a
//    profile someone is bound to, that holds the admin role, or whose
//    externalId names another object id.
// The user name (UPN) is never matched: Entra lets it change and be reused,
// so a renamed or recreated account re-points nothing. The first match
// records the object id for good. People not provisioned are let in as the
// tenant's sign-in policy says (Tenant.signInPolicy).

type Refusal = 'wrong_directory' | 'personal_account' | 'deactivated' | 'not_provisioned' | 'unmatched';
export type Admission = { admitted: true; user: User } | { admitted: false; reason: Refusal };

type Match = { person: User } | { ambiguous: true } | null;

/** Profiles no one is bound to whose externalId is this object id (Entra sends it in lower case; another client might not). */
export const unboundWithObjectId = (oid: string) => ({ entraObjectId: null, externalId: { in: [oid, oid.toUpperCase()] } });

async function findPerson(tenantId: string, identity: EntraIdentity): Promise<Match> {
  const db = tenantDb(tenantId);
  const bound = await db.user.findFirst({ where: { entraObjectId: identity.oid } });
  if (bound) return { person: bound };
  const byExternalId = await db.user.findMany({ where: unboundWithObjectId(identity.oid), take: 2 });
  if (byExternalId.length === 1) return { person: byExternalId[0] };
  if (byExternalId.length > 1) return { ambiguous: true };
  if (!identity.email || !identity.emailVerified) return null;
  // workEmail is citext: equality ignores case. Any other profile with the address, bound or not, makes it no proof.
  const byEmail = await db.user.findMany({ where: { workEmail: identity.email }, take: 2 });
  if (byEmail.length > 1) return { ambiguous: true };
  const [person] = byEmail;
  if (!person) return null;
  if (person.entraObjectId || person.role === 'admin' || (person.externalId && isUuid(person.externalId))) return { ambiguous: true };
  return { person };
}

/** Whether the tenant's policy lets in people SCIM did not provision (admins always may enter). */
export async function mayEnterUnprovisioned(tenant: Pick<Tenant, 'id' | 'signInPolicy'>): Promise<boolean> {
  switch (tenant.signInPolicy) {
    case 'directory':
      return true;
    case 'provisioned_only':
      return false;
    case 'automatic':
      return (await tenantDb(tenant.id).user.count({ where: { provisioned: true }, take: 1 })) === 0;
  }
}

export async function admit(tenant: Tenant, identity: EntraIdentity): Promise<Admission> {
  if (identity.tid === PERSONAL_ACCOUNTS_TID) return { admitted: false, reason: 'personal_account' };
  if (!tenant.entraTenantId || tenant.entraTenantId !== identity.tid) return { admitted: false, reason: 'wrong_directory' };
  const db = tenantDb(tenant.id);
  const match = await findPerson(tenant.id, identity);
  if (match && 'ambiguous' in match) return { admitted: false, reason: 'unmatched' };
  if (match) {
    const { person } = match;
    if (!person.active) return { admitted: false, reason: 'deactivated' };
    // A walk-in let in under an earlier policy is held to today's.
    if (!person.provisioned && person.role !== 'admin' && !(await mayEnterUnprovisioned(tenant))) return { admitted: false, reason: 'not_provisioned' };
    const user = await db.user.update({ where: { id: person.id }, data: { entraObjectId: identity.oid, lastSignInAt: new Date() } });
    // An admin of ours who is a directory admin too: the tenant is a directory admin's, and nobody may take it over.
    if (user.role === 'admin' && !tenant.claimedByDirectoryAdmin && isDirectoryAdmin(identity.directoryRoles))
      await platformDb.claimForDirectoryAdmin(tenant.id);
    return { admitted: true, user };
  }
  if (!(await mayEnterUnprovisioned(tenant))) return { admitted: false, reason: 'not_provisioned' };
  try {
    return { admitted: true, user: await createUserFromIdentity(tenant.id, identity, 'member') };
  } catch (error) {
    // The user name is another row's, which no immutable id ties to this person: someone else's, or theirs under a mapping we cannot trust.
    if (isUniqueViolation(error)) return { admitted: false, reason: 'unmatched' };
    throw error;
  }
}
