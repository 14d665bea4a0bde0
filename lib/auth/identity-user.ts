import { tenantDb, type User } from '../db';
import type { EntraIdentity } from './entra-provider';

/** The account of someone who arrives by signing in rather than through SCIM (the signer of a sign-up, or a walk-in the policy lets in). */
export function createUserFromIdentity(tenantId: string, identity: EntraIdentity, role: 'member' | 'admin'): Promise<User> {
  return tenantDb(tenantId).user.create({
    data: {
      tenantId,
      userName: identity.userName,
      displayName: identity.name,
      entraObjectId: identity.oid,
      workEmail: identity.email,
      emails: identity.email ? [{ value: identity.email, type: 'work', primary: true }] : [],
      role,
      lastSignInAt: new Date(),
    },
  });
}
