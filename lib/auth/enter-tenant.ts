import { getConfig } from '../config';
import { siteOrigin } from '../tenancy/host';
import { findTenant } from '../tenancy/tenant-lookup';
import { endSession, redeemSignInTicket, SESSION_COOKIE, SESSION_MS } from './tenant-session';

// The tenant host's side of signing in and out: which cookie to set and
// where to send the browser. The cookie is host-only (no Domain), so no other
// tenant's host ever receives it.

export interface SessionCookie {
  name: string;
  value: string;
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax';
  path: '/';
  maxAge: number;
}

function cookie(value: string, maxAgeSeconds: number): SessionCookie {
  // Secure wherever the site is served over https (everywhere but localhost).
  const secure = siteOrigin(getConfig().ROOT_DOMAIN).startsWith('https:');
  return { name: SESSION_COOKIE, value, httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: maxAgeSeconds };
}

export async function enterTenant(subdomain: string, ticket: string): Promise<{ url: string; cookie: SessionCookie | null }> {
  const origin = siteOrigin(getConfig().ROOT_DOMAIN, subdomain);
  const tenant = await findTenant(subdomain);
  const session = tenant && ticket ? await redeemSignInTicket(tenant.id, ticket) : null;
  if (!session) return { url: `${origin}/login?refused=expired`, cookie: null };
  return { url: `${origin}/`, cookie: cookie(session.token, Math.floor(SESSION_MS / 1000)) };
}

export async function leaveTenant(subdomain: string, cookies: { get(name: string): { value: string } | undefined }): Promise<{ url: string; cookie: SessionCookie }> {
  const tenant = await findTenant(subdomain);
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (tenant && token) await endSession(tenant.id, token);
  return { url: `${siteOrigin(getConfig().ROOT_DOMAIN, subdomain)}/login?signed_out=1`, cookie: cookie('', 0) };
}
