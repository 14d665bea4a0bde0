import { listen, publish } from '../ops/broadcast';
import { platformDb, type Tenant } from '../db';
import { isValidSubdomain } from './subdomain';

// Every request starts by finding its tenant; a subdomain never changes, so a
// short-lived per-process copy saves a query per request. A settings change
// calls forgetTenant(), which drops the copy here and, through Redis, on every
// other instance (lib/ops/broadcast.ts); without Redis, thirty seconds
// bounds how long another instance serves the old settings (the sign-in
// policy among them). A lookup under way while copies were dropped is not
// kept: it may have read the row before the change. On globalThis because
// Next's page and route bundles and the SCIM server each load this module
// separately.
const TTL_MS = 30_000;
const memo = ((globalThis as { orgwikiTenantMemo?: { recent: Map<string, { tenant: Tenant; until: number }>; drops: number } }).orgwikiTenantMemo ??= {
  recent: new Map(),
  drops: 0,
});
const { recent } = memo;
const CHANNEL = 'orgwiki:forget-tenant';

function dropTenant(subdomain: string | null): void {
  memo.drops++;
  if (subdomain === null) recent.clear();
  else recent.delete(subdomain);
}

/** The tenant served at `subdomain`, or null. */
export async function findTenant(subdomain: string): Promise<Tenant | null> {
  if (!isValidSubdomain(subdomain)) return null;
  listen(CHANNEL, dropTenant);
  const hit = recent.get(subdomain);
  if (hit && hit.until > Date.now()) return hit.tenant;
  const drops = memo.drops;
  const tenant = await platformDb.findTenantBySubdomain(subdomain);
  // Only found tenants are kept: a tenant created a moment ago must answer at once.
  if (tenant && drops === memo.drops) {
    if (recent.size > 10_000) recent.clear();
    recent.set(subdomain, { tenant, until: Date.now() + TTL_MS });
  }
  return tenant;
}

/** Drops every instance's copy of a tenant, after its settings change. */
export async function forgetTenant(subdomain: string): Promise<void> {
  dropTenant(subdomain);
  await publish(CHANNEL, subdomain);
}
