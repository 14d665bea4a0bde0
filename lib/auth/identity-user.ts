import { tenantDb, type Prisma, type User } from '../db';
import type { EntraIdentity } from './entra-provider';

/** The row of someone who arrives by signing in rather than through SCIM (the signer of a sign-up, a walk-in the policy lets in, a directory admin taking over). */
export function identityUserData(tenantId: string, identity: EntraIdentity, role: 'member' | 'admin'): Prisma.UserUncheckedCreateInput {
  // The email only when the directory vouches for its domain; otherwise it may be anyone's.
  const email = identity.emailVerified ? identity.email : null;
  return {
    tenantId,
    userName: identity.userName,
    displayName: identity.name,
    entraObjectId: identity.oid,
    workEmail: email,
    emails: email ? [{ value: email, type: 'work', primary: true }] : [],
    role,
    lastSignInAt: new Date(),
  };
}

export function createUserFromIdentity(tenantId: string, identity: EntraIdentity, role: 'member' | 'admin'): Promise<User> {
  return tenantDb(tenantId).user.create({ data: identityUserData(tenantId, identity, role) });
}
