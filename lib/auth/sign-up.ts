import { z } from 'zod';
import { platformDb, tenantDb, type Tenant } from '../db';
import { AppError } from '../errors';
import { createTenant } from '../tenancy/create-tenant';
import type { EntraIdentity } from './entra-provider';
import { isDirectoryAdmin, PERSONAL_ACCOUNTS_TID } from './entra-ids';
import { createUserFromIdentity } from './identity-user';

// "Sign-up for TheOrgWiki": a directory admin creates their company's tenant,
// bound to their directory, and becomes its first admin. A directory has at
// most one tenant (Tenant.entraTenantId is unique), so creating it takes the
// proof that the signer may act for the whole directory: a directory role
// that can consent for it (`wids`, entra-ids.ts). Anyone else is told whom to
// ask (docs/sign-in.md, "Who may sign up a company").

export const signUpInput = z.object({
  displayName: z.string().trim().min(1, 'Enter the company name.').max(120, 'At most 120 characters.'),
  subdomain: z.string().trim().toLowerCase(),
});

/** Where the signed-in person stands on the sign-up page. */
export type SignUpStanding =
  | { kind: 'personal_account' }
  | { kind: 'not_admin' }
  | { kind: 'may_sign_up' }
  | { kind: 'has_tenant'; tenant: Tenant }
  | { kind: 'may_take_over'; tenant: Tenant };

/** Whether a directory admin may take the tenant over: nobody known to be one claimed it, or it has no active admin left. */
async function open(tenant: Tenant): Promise<boolean> {
  return !tenant.claimedByDirectoryAdmin || (await tenantDb(tenant.id).user.count({ where: { role: 'admin', active: true }, take: 1 })) === 0;
}

export async function signUpStanding(identity: EntraIdentity): Promise<SignUpStanding> {
  if (identity.tid === PERSONAL_ACCOUNTS_TID) return { kind: 'personal_account' };
  const tenant = await platformDb.findTenantByDirectory(identity.tid);
  const admin = isDirectoryAdmin(identity.directoryRoles);
  if (tenant) return admin && (await open(tenant)) ? { kind: 'may_take_over', tenant } : { kind: 'has_tenant', tenant };
  return admin ? { kind: 'may_sign_up' } : { kind: 'not_admin' };
}

export async function signUpTenant(identity: EntraIdentity, input: z.input<typeof signUpInput>): Promise<Tenant> {
  const parsed = signUpInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0].message);
  const standing = await signUpStanding(identity);
  if (standing.kind === 'has_tenant' || standing.kind === 'may_take_over') {
    throw new AppError('conflict', `Your Microsoft directory already has TheOrgWiki at ${standing.tenant.subdomain}.`);
  }
  if (standing.kind !== 'may_sign_up') throw new AppError('forbidden', 'Only an administrator of your Microsoft directory can sign up your company.');
  const tenant = await createTenant({ ...parsed.data, entraTenantId: identity.tid, claimedByDirectoryAdmin: true });
  try {
    await createUserFromIdentity(tenant.id, identity, 'admin');
  } catch (error) {
    // A tenant without its admin could never be entered; take it back.
    await platformDb.deleteTenant(tenant.id);
    throw error;
  }
  return tenant;
}
