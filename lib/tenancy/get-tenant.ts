import { cache } from 'react';
import { notFound } from 'next/navigation';
import type { Tenant } from '../db';
import { findTenant } from './tenant-lookup';

/** The tenant served at `subdomain`, or null; once per React render. */
export const getTenantBySubdomain = cache(findTenant);

/** For pages under app/tenant/[subdomain]: the tenant, or the 404 page. */
export async function requireTenant(subdomain: string): Promise<Tenant> {
  const tenant = await getTenantBySubdomain(subdomain);
  if (!tenant) notFound();
  return tenant;
}
