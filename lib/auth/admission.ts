import { isUniqueViolation, tenantDb, type Tenant, type User } from '../db';
import type { EntraIdentity } from './entra-provider';
import { createUserFromIdentity } from './identity-user';

// Who may enter a tenant's site: people of the tenant's own Microsoft
// directory, matched to their provisioned user by object id, else by
// userName (the UPN Entra provisions) or work email, case-insensitively.
// The first match records the object id. People not provisioned are let in
// as the tenant's sign-in policy says (Tenant.signInPolicy).

export type Refusal = 'wrong_directory' | 'deactivated' | 'not_provisioned';
export type Admission = { admitted: true; user: User } | { admitted: false; reason: Refusal };

async function findPerson(tenantId: string, identity: EntraIdentity): Promise<User | null> {
  const db = tenantDb(tenantId);
  // userName and workEmail are citext: equality ignores case.
  return (
    (await db.user.findFirst({ where: { entraObjectId: identity.oid } })) ??
    (await db.user.findFirst({ where: { userName: identity.userName, entraObjectId: null } })) ??
    (identity.email ? await db.user.findFirst({ where: { workEmail: identity.email, entraObjectId: null }, orderBy: { createdAt: 'asc' } }) : null)
  );
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
  if (!tenant.entraTenantId || tenant.entraTenantId !== identity.tid) return { admitted: false, reason: 'wrong_directory' };
  const db = tenantDb(tenant.id);
  const person = await findPerson(tenant.id, identity);
  if (person) {
    if (!person.active) return { admitted: false, reason: 'deactivated' };
    // A walk-in let in under an earlier policy is held to today's.
    if (!person.provisioned && person.role !== 'admin' && !(await mayEnterUnprovisioned(tenant))) return { admitted: false, reason: 'not_provisioned' };
    const user = await db.user.update({ where: { id: person.id }, data: { entraObjectId: identity.oid, lastSignInAt: new Date() } });
    return { admitted: true, user };
  }
  if (!(await mayEnterUnprovisioned(tenant))) return { admitted: false, reason: 'not_provisioned' };
  try {
    return { admitted: true, user: await createUserFromIdentity(tenant.id, identity, 'member') };
  } catch (error) {
    // The user name belongs to a row bound to another object id (the account was recreated in Entra): not this person.
    if (isUniqueViolation(error)) return { admitted: false, reason: 'not_provisioned' };
    throw error;
  }
}
