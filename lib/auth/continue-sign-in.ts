import { getConfig } from '../config';
import { platformDb } from '../db';
import { siteOrigin } from '../tenancy/host';
import { findTenant } from '../tenancy/tenant-lookup';
import { admit } from './admission';
import { newResumeValue, takeApexBinding } from './apex-binding';
import { signOut } from './auth';
import type { EntraIdentity } from './entra-provider';
import { PERSONAL_ACCOUNTS_TID } from './entra-ids';
import { issueSignInTicket } from './tenant-session';

// Where a person signed in on the apex goes next: into the tenant they asked
// for (or their directory's, when they named none) with a one-time ticket, to
// that tenant's sign-in page with the reason they were refused, or to
// sign-up when their directory has no tenant yet.

/**
 * The URL to send the browser to. Leaving for a tenant ends the apex session,
 * whose only job was to get the person this far. Call it from the request
 * the browser made (a route handler or a server action that redirects off
 * the apex), never behind a redirect Next.js might follow on the server: the
 * ticket works once, and the apex's binding cookie is read and set here.
 */
export async function continueSignIn(identity: EntraIdentity, subdomain: string | null, binding: string | null, resume: string | null = null): Promise<string> {
  const root = getConfig().ROOT_DOMAIN;
  if (identity.tid === PERSONAL_ACCOUNTS_TID) {
    await signOut({ redirect: false });
    return `${siteOrigin(root)}/login?error=personal_account`;
  }
  const tenant = subdomain ? await findTenant(subdomain) : await platformDb.findTenantByDirectory(identity.tid);
  if (!tenant) return `${siteOrigin(root)}${subdomain ? '/login?error=unknown_tenant' : '/signup'}`;
  const origin = siteOrigin(root, tenant.subdomain);
  // A ticket only for a binding this browser proves it set out with
  // (apex-binding.ts). Otherwise (sign-in that started on the apex, or a link
  // naming someone else's binding) the tenant's host binds this browser and
  // sends it back here, once: a browser that comes back without the proof
  // (it keeps no cookies) starts again rather than going round in circles.
  if (!(await takeApexBinding(binding, resume))) {
    return resume ? `${origin}/login?refused=expired` : `${origin}/auth/start?resume=${await newResumeValue()}`;
  }
  const admission = await admit(tenant, identity);
  await signOut({ redirect: false });
  if (!admission.admitted) return `${origin}/login?refused=${admission.reason}`;
  const ticket = await issueSignInTicket(tenant.id, admission.user.id, binding!);
  return `${origin}/auth/enter?ticket=${encodeURIComponent(ticket)}`;
}
