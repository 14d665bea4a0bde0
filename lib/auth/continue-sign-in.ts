import { getConfig } from '../config';
import { platformDb } from '../db';
import { siteOrigin } from '../tenancy/host';
import { findTenant } from '../tenancy/tenant-lookup';
import { admit } from './admission';
import { signOut } from './auth';
import type { EntraIdentity } from './entra-provider';
import { isBinding, issueSignInTicket } from './tenant-session';

// Where a person signed in on the apex goes next: into the tenant they asked
// for (or their directory's, when they named none) with a one-time ticket, to
// that tenant's sign-in page with the reason they were refused, or to
// sign-up when their directory has no tenant yet.

/**
 * The URL to send the browser to. Leaving for a tenant ends the apex session,
 * whose only job was to get the person this far. Call it from the request
 * the browser made (a route handler or a server action that redirects off
 * the apex), never behind a redirect Next.js might follow on the server: the
 * ticket works once.
 */
export async function continueSignIn(identity: EntraIdentity, subdomain: string | null, binding: string | null): Promise<string> {
  const root = getConfig().ROOT_DOMAIN;
  const tenant = subdomain ? await findTenant(subdomain) : await platformDb.findTenantByDirectory(identity.tid);
  if (!tenant) return `${siteOrigin(root)}${subdomain ? '/login?error=unknown_tenant' : '/signup'}`;
  const origin = siteOrigin(root, tenant.subdomain);
  // Sign-in that started on the apex (Login there, or sign-up): let the tenant's host bind this browser first; it sends it back here.
  if (!isBinding(binding)) return `${origin}/auth/start?resume=1`;
  const admission = await admit(tenant, identity);
  await signOut({ redirect: false });
  if (!admission.admitted) return `${origin}/login?refused=${admission.reason}`;
  const ticket = await issueSignInTicket(tenant.id, admission.user.id, binding);
  return `${origin}/auth/enter?ticket=${encodeURIComponent(ticket)}`;
}
