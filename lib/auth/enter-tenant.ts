import { getConfig } from '../config';
import { siteOrigin } from '../tenancy/host';
import { findTenant } from '../tenancy/tenant-lookup';
import { hostCookie as cookie, type HostCookie } from './host-cookie';
import { BINDING_COOKIE, endSession, isBinding, newBinding, redeemSignInTicket, SESSION_COOKIE, SESSION_MS } from './tenant-session';

// The tenant host's side of signing in and out: which cookies to set and
// where to send the browser.

const BINDING_SECONDS = 10 * 60;

/**
 * /auth/start: binds this browser to the sign-in it starts with a binding of
 * its own making, then off to the apex, which goes straight on to Microsoft
 * (app/auth/microsoft), or, when the sign-in started on the apex, back to
 * /auth/continue with the apex's `resume` value.
 */
export function startSignIn(subdomain: string, resume: string | null): { url: string; cookie: HostCookie } {
  const binding = newBinding();
  const apex = siteOrigin(getConfig().ROOT_DOMAIN);
  const query = `tenant=${encodeURIComponent(subdomain)}&binding=${binding}`;
  const url = isBinding(resume) ? `${apex}/auth/continue?${query}&resume=${resume}` : `${apex}/auth/microsoft?${query}`;
  return { url, cookie: cookie(BINDING_COOKIE, binding, BINDING_SECONDS) };
}

/** /auth/enter: the ticket, redeemed by the browser it was made for, becomes the session cookie. */
export async function enterTenant(subdomain: string, ticket: string, binding: string | undefined): Promise<{ url: string; cookies: HostCookie[] }> {
  const origin = siteOrigin(getConfig().ROOT_DOMAIN, subdomain);
  const tenant = await findTenant(subdomain);
  // A browser without the binding cookie redeems too: it fails, and burns the ticket.
  const session = tenant && ticket ? await redeemSignInTicket(tenant.id, ticket, binding) : null;
  const spent = cookie(BINDING_COOKIE, '', 0);
  if (!session) return { url: `${origin}/login?refused=expired`, cookies: [spent] };
  return { url: `${origin}/`, cookies: [spent, cookie(SESSION_COOKIE, session.token, Math.floor(SESSION_MS / 1000))] };
}

export async function leaveTenant(
  subdomain: string,
  cookies: { get(name: string): { value: string } | undefined },
): Promise<{ url: string; cookie: HostCookie }> {
  const tenant = await findTenant(subdomain);
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (tenant && token) await endSession(tenant.id, token);
  return { url: `${siteOrigin(getConfig().ROOT_DOMAIN, subdomain)}/login?signed_out=1`, cookie: cookie(SESSION_COOKIE, '', 0) };
}
