import { getConfig } from '../config';
import { platformDb } from '../db';
import { siteOrigin } from '../tenancy/host';
import { findTenant } from '../tenancy/tenant-lookup';
import { admit } from './admission';
import type { EntraIdentity } from './entra-provider';
import { issueSignInTicket } from './tenant-session';

// Where a person signed in on the apex goes next: into the tenant they asked
// for (or their directory's, when they named none) with a one-time ticket, to
// that tenant's sign-in page with the reason they were refused, or to
// sign-up when their directory has no tenant yet.

export type Next = { url: string; leavesApex: boolean };

export async function continueSignIn(identity: EntraIdentity, subdomain: string | null): Promise<Next> {
  const root = getConfig().ROOT_DOMAIN;
  const tenant = subdomain ? await findTenant(subdomain) : await platformDb.findTenantByDirectory(identity.tid);
  if (!tenant) return { url: `${siteOrigin(root)}${subdomain ? '/login?error=unknown_tenant' : '/signup'}`, leavesApex: false };
  const origin = siteOrigin(root, tenant.subdomain);
  const admission = await admit(tenant, identity);
  if (!admission.admitted) return { url: `${origin}/login?refused=${admission.reason}`, leavesApex: true };
  const ticket = await issueSignInTicket(tenant.id, admission.user.id);
  return { url: `${origin}/auth/enter?ticket=${encodeURIComponent(ticket)}`, leavesApex: true };
}
