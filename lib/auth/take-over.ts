import { recordAuditEvent } from '../audit/record-event';
import { isUniqueViolation, platformDb, tenantDb, type Tenant, type TenantTx, type User } from '../db';
import { AppError } from '../errors';
import { forgetTokens } from '../tokens/authenticate-token';
import type { EntraIdentity } from './entra-provider';
import { DIRECTORY_ADMIN_ROLES } from './entra-ids';
import { identityUserData } from './identity-user';
import { signUpStanding } from './sign-up';

// A directory admin takes over their directory's tenant that someone without
// a directory role claimed (before sign-up asked for one). One explicit,
// audited step: the directory admin becomes the tenant's admin, everyone else
// who was an admin becomes a member, and every SCIM token stops working, for
// the person who claimed the tenant has seen them. docs/sign-in.md explains.

async function bindAdmin(tx: TenantTx, tenantId: string, identity: EntraIdentity): Promise<User> {
  // The directory admin's own row, by immutable id only (as admission.ts matches).
  const own =
    (await tx.user.findFirst({ where: { entraObjectId: identity.oid } })) ??
    (await tx.user.findFirst({ where: { entraObjectId: null, externalId: { in: [identity.oid, identity.oid.toUpperCase()] } } }));
  if (own && !own.active) throw new AppError('conflict', 'Your account in this company is deactivated; reactivate it in Microsoft Entra ID first.');
  if (own) return tx.user.update({ where: { id: own.id }, data: { role: 'admin', entraObjectId: identity.oid, lastSignInAt: new Date() } });
  return tx.user.create({ data: identityUserData(tenantId, identity, 'admin') });
}

export async function takeOverTenant(identity: EntraIdentity): Promise<Tenant> {
  const standing = await signUpStanding(identity);
  if (standing.kind !== 'may_take_over') throw new AppError('forbidden', 'Only an administrator of your Microsoft directory can take over a company that one of its people signed up.');
  const { tenant } = standing;
  if (!(await platformDb.claimForDirectoryAdmin(tenant.id))) throw new AppError('conflict', 'A directory admin has just taken this company over.');
  const role = identity.directoryRoles.map((id) => DIRECTORY_ADMIN_ROLES[id]).find(Boolean) ?? 'directory admin';
  try {
    await tenantDb(tenant.id).$transaction(async (tx) => {
      const admin = await bindAdmin(tx, tenant.id, identity);
      const demoted = await tx.user.updateMany({ where: { role: 'admin', id: { not: admin.id } }, data: { role: 'member' } });
      const revoked = await tx.apiToken.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
      await recordAuditEvent(tx, tenant.id, {
        actor: { type: 'user', id: admin.id, label: admin.displayName ?? admin.userName },
        action: 'tenant.takeover',
        target: { type: 'Tenant', id: tenant.id },
        details: { directoryRole: role, adminsDemoted: demoted.count, tokensRevoked: revoked.count },
      });
    });
  } catch (error) {
    await platformDb.unclaim(tenant.id);
    if (isUniqueViolation(error)) throw new AppError('conflict', 'An account with your user name exists here but is not tied to your Microsoft account. Ask for help at support.');
    throw error;
  }
  await forgetTokens(tenant.id);
  return { ...tenant, claimedByDirectoryAdmin: true };
}
