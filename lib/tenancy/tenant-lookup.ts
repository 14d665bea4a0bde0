import { platformDb, type Tenant } from '../db';
import { isValidSubdomain } from './subdomain';

// Every request starts by finding its tenant; a subdomain never changes, so a
// short-lived per-process copy saves a query per request. Thirty seconds
// bounds how long a deleted tenant (or changed settings) take to show on
// another instance; this process drops its copy at once (forgetTenant). On
// globalThis because Next's page and route bundles and the SCIM server each
// load this module separately.
const TTL_MS = 30_000;
const recent = ((globalThis as { orgwikiTenantCache?: Map<string, { tenant: Tenant; until: number }> }).orgwikiTenantCache ??= new Map());

/** The tenant served at `subdomain`, or null. */
export async function findTenant(subdomain: string): Promise<Tenant | null> {
  if (!isValidSubdomain(subdomain)) return null;
  const hit = recent.get(subdomain);
  if (hit && hit.until > Date.now()) return hit.tenant;
  const tenant = await platformDb.findTenantBySubdomain(subdomain);
  // Only found tenants are kept: a tenant created a moment ago must answer at once.
  if (tenant) {
    if (recent.size > 10_000) recent.clear();
    recent.set(subdomain, { tenant, until: Date.now() + TTL_MS });
  }
  return tenant;
}

/** Drops this process's copy of a tenant, after its settings change. */
export function forgetTenant(subdomain: string): void {
  recent.delete(subdomain);
}
