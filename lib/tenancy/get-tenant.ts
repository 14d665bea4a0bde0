import { cache } from 'react';
import { notFound } from 'next/navigation';
import { platformDb, type Tenant } from '../db';
import { isValidSubdomain } from './subdomain';

/** The tenant served at `subdomain`, or null. Cached for the duration of one request. */
export const getTenantBySubdomain = cache(async (subdomain: string): Promise<Tenant | null> => {
  if (!isValidSubdomain(subdomain)) return null;
  return platformDb.findTenantBySubdomain(subdomain);
});

/** For pages under app/tenant/[subdomain]: the tenant, or the 404 page. */
export async function requireTenant(subdomain: string): Promise<Tenant> {
  const tenant = await getTenantBySubdomain(subdomain);
  if (!tenant) notFound();
  return tenant;
}
