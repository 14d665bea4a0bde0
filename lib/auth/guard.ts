import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Tenant, User } from '../db';
import { requireTenant } from '../tenancy/get-tenant';
import { findSessionUser, SESSION_COOKIE } from './tenant-session';

// The one guard of tenant pages and actions. Every call re-reads the session
// and the person from the database, so a person deactivated or deleted over
// SCIM is out on their very next request, whatever their cookie says.

/** The signed-in person of this tenant's site, or null. Once per request. */
export const currentUser = cache(async (tenant: Tenant): Promise<User | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? findSessionUser(tenant.id, token) : null;
});

/** For tenant pages: the tenant and the signed-in person, or off to the sign-in page. */
export async function requireMember(subdomain: string): Promise<{ tenant: Tenant; user: User }> {
  const tenant = await requireTenant(subdomain);
  const user = await currentUser(tenant);
  if (!user) redirect('/login');
  return { tenant, user };
}

/** For admin pages and actions: as requireMember, and 403 for anyone but an admin. */
export async function requireAdmin(subdomain: string): Promise<{ tenant: Tenant; user: User }> {
  const member = await requireMember(subdomain);
  if (member.user.role !== 'admin') forbidden();
  return member;
}
