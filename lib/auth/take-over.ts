import { recordAuditEvent } from '../audit/record-event';
import { isSerializationFailure, isUniqueViolation, platformDb, tenantDb, type Tenant, type TenantTx, type User } from '../db';
import { AppError } from '../errors';
import { forgetTokens } from '../tokens/authenticate-token';
import { unboundWithObjectId } from './admission';
import type { EntraIdentity } from './entra-provider';
import { DIRECTORY_ADMIN_ROLES, isDirectoryAdmin } from './entra-ids';
import { identityUserData } from './identity-user';
import { signUpStanding } from './sign-up';

// A directory admin takes over their directory's tenant: one that someone
// without a directory role claimed (before sign-up asked for one), or one
// left without an active admin. One explicit, audited step: the directory
// admin becomes the tenant's admin, everyone else who was an admin becomes a
// member, and every SCIM token stops working, for whoever claimed the tenant
// has seen them. docs/sign-in.md explains.

/**
 * The directory admin's own row, made an active admin and bound to them. The
 * claimer held the SCIM tokens and may have left rows in the way (one with
 * the admin's object id as externalId but deactivated, one with their user
 * name), so rather than refusing, the takeover claims the first such row no
 * one is bound to: the token proves who the admin is now, and the row's
 * content is at worst a profile that Entra overwrites when it provisions again.
 */
async function bindAdmin(tx: TenantTx, tenantId: string, identity: EntraIdentity): Promise<{ admin: User; matchedBy: string }> {
  const candidates: [string, () => Promise<User | null>][] = [
    ['objectId', () => tx.user.findFirst({ where: { entraObjectId: identity.oid } })],
    ['externalId', () => tx.user.findFirst({ where: unboundWithObjectId(identity.oid), orderBy: { createdAt: 'asc' } })],
    ['userName', () => tx.user.findFirst({ where: { entraObjectId: null, userName: identity.userName } })],
  ];
  for (const [matchedBy, find] of candidates) {
    const own = await find();
    if (own) {
      const admin = await tx.user.update({
        where: { id: own.id },
        data: { role: 'admin', active: true, entraObjectId: identity.oid, lastSignInAt: new Date() },
      });
      return { admin, matchedBy };
    }
  }
  return { admin: await tx.user.create({ data: identityUserData(tenantId, identity, 'admin') }), matchedBy: 'new' };
}

export async function takeOverTenant(identity: EntraIdentity): Promise<Tenant> {
  const standing = await signUpStanding(identity);
  if (!isDirectoryAdmin(identity.directoryRoles) || standing.kind === 'personal_account') {
    throw new AppError('forbidden', 'Only an administrator of your Microsoft directory can take over a company that one of its people signed up.');
  }
  if (standing.kind === 'has_tenant') throw new AppError('conflict', `${standing.tenant.displayName} already has a directory admin as its admin.`);
  if (standing.kind !== 'may_take_over') throw new AppError('not_found', 'Your Microsoft directory has no company here to take over.');
  const { tenant } = standing;
  const role = identity.directoryRoles.map((id) => DIRECTORY_ADMIN_ROLES[id]).find(Boolean) ?? 'directory admin';
  try {
    // Serializable: a token minted at the same moment (which re-reads its
    // minter's role, lib/tokens/create-service-account-token.ts) or a second
    // takeover cannot slip past; PostgreSQL refuses one of the two.
    await tenantDb(tenant.id).$transaction(
      async (tx) => {
        const { admin, matchedBy } = await bindAdmin(tx, tenant.id, identity);
        const demoted = await tx.user.updateMany({ where: { role: 'admin', id: { not: admin.id } }, data: { role: 'member' } });
        const revoked = await tx.apiToken.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
        await recordAuditEvent(tx, tenant.id, {
          actor: { type: 'user', id: admin.id, label: admin.displayName ?? admin.userName },
          action: 'tenant.takeover',
          target: { type: 'Tenant', id: tenant.id },
          details: { directoryRole: role, matchedBy, adminsDemoted: demoted.count, tokensRevoked: revoked.count },
        });
      },
      { isolationLevel: 'Serializable' },
    );
  } catch (error) {
    if (isSerializationFailure(error)) throw new AppError('conflict', 'Someone changed this company at the same moment; try again.');
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'Another person here is bound to your user name. Ask them to change it in Microsoft Entra ID, then try again.');
    throw error;
  }
  // Only once the takeover has committed: should this step not happen, the next directory admin is offered the takeover again.
  await platformDb.claimForDirectoryAdmin(tenant.id);
  await forgetTokens(tenant.id);
  return { ...tenant, claimedByDirectoryAdmin: true };
}
