import { z } from 'zod';
import { platformDb, type Tenant } from '../db';
import { AppError } from '../errors';
import { createTenant } from '../tenancy/create-tenant';
import type { EntraIdentity } from './entra-provider';
import { createUserFromIdentity } from './identity-user';

// "Sign-up for TheOrgWiki": a signed-in Microsoft user creates their
// company's tenant, bound to their directory, and becomes its first admin.
// A directory has at most one tenant (Tenant.entraTenantId is unique).

export const signUpInput = z.object({
  displayName: z.string().trim().min(1, 'Enter the company name.').max(120, 'At most 120 characters.'),
  subdomain: z.string().trim().toLowerCase(),
});

export async function signUpTenant(identity: EntraIdentity, input: z.input<typeof signUpInput>): Promise<Tenant> {
  const parsed = signUpInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0].message);
  const existing = await platformDb.findTenantByDirectory(identity.tid);
  if (existing) throw new AppError('conflict', `Your Microsoft directory already has TheOrgWiki at ${existing.subdomain}.`);
  const tenant = await createTenant({ ...parsed.data, entraTenantId: identity.tid });
  try {
    await createUserFromIdentity(tenant.id, identity, 'admin');
  } catch (error) {
    // A tenant without its admin could never be entered; take it back.
    await platformDb.deleteTenant(tenant.id);
    throw error;
  }
  return tenant;
}

export async function directoryHasTenant(tid: string): Promise<boolean> {
  return (await platformDb.findTenantByDirectory(tid)) !== null;
}
