import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from '../actor';
import { getConfig } from '../config';
import type { Tenant, User } from '../db';
import { personName } from '../directory/person-name';
import { CLIENT_ADDRESS_HEADER } from '../security/client-address';
import { parseHost } from '../tenancy/host';
import { requireTenant } from '../tenancy/get-tenant';
import { findSessionUser, SESSION_COOKIE, signedOutByDeactivation } from './tenant-session';

// The one guard of tenant pages and actions. Every call re-reads the session
// and the person from the database, so a person deactivated or deleted over
// SCIM is out on their very next request, whatever their cookie says.

/** The signed-in person of this tenant's site, or null. Once per request. */
export const currentUser = cache(async (tenant: Tenant): Promise<User | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? findSessionUser(tenant, token) : null;
});

/**
 * For tenant pages: the tenant and the signed-in person, or off to the
 * sign-in page, which says so when Entra deactivated them. Only a fixed code
 * travels in the address, never words to show.
 */
export async function requireMember(subdomain: string): Promise<{ tenant: Tenant; user: User }> {
  const tenant = await requireTenant(subdomain);
  const user = await currentUser(tenant);
  if (!user) redirect((await deactivatedHere(tenant)) ? '/login?signed_out=deactivated' : '/login');
  return { tenant, user };
}

/** Whether this browser's session cookie was a person's whom Entra has deactivated since. */
async function deactivatedHere(tenant: Tenant): Promise<boolean> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? signedOutByDeactivation(tenant.id, token) : false;
}

/** For tenant JSON routes: the tenant and the signed-in person, or null, which the route answers with 401. */
export async function memberForApi(subdomain: string): Promise<{ tenant: Tenant; user: User } | null> {
  const tenant = await requireTenant(subdomain);
  const user = await currentUser(tenant);
  return user ? { tenant, user } : null;
}

/** For admin pages and actions: as requireMember, and 403 for anyone but an admin. */
export async function requireAdmin(subdomain: string): Promise<{ tenant: Tenant; user: User }> {
  const member = await requireMember(subdomain);
  if (member.user.role !== 'admin') forbidden();
  return member;
}

/**
 * For server actions: the tenant comes from the request's Host, never from
 * the action's arguments, and the person (and, for admins, the role) is
 * checked again on the server. Answers the person as an audit actor too.
 */
async function actionCaller(role: 'member' | 'admin'): Promise<{ tenant: Tenant; user: User; actor: Actor }> {
  const requestHeaders = await headers();
  const host = parseHost(requestHeaders.get('host'), getConfig().ROOT_DOMAIN);
  if (host.kind !== 'tenant') forbidden();
  const { tenant, user } = role === 'admin' ? await requireAdmin(host.subdomain) : await requireMember(host.subdomain);
  return { tenant, user, actor: { type: 'user', id: user.id, label: personName(user), ip: requestHeaders.get(CLIENT_ADDRESS_HEADER) } };
}

export const requireMemberAction = () => actionCaller('member');
export const requireAdminAction = () => actionCaller('admin');
