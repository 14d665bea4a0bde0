import { tenantDb, type Tenant } from '../../lib/db';
import { createTenant } from '../../lib/tenancy/create-tenant';

/** A tenant with the named people (userName `<handle>@<subdomain>.example`), each optionally under a manager. */
export async function tenantWithPeople(
  subdomain: string,
  people: [handle: string, manager: string | null][],
): Promise<{ tenant: Tenant; ids: Record<string, string> }> {
  const tenant = await createTenant({ subdomain, displayName: subdomain });
  const ids: Record<string, string> = {};
  for (const [handle, manager] of people) {
    const user = await tenantDb(tenant.id).user.create({
      data: {
        tenantId: tenant.id,
        userName: `${handle}@${subdomain}.example`,
        displayName: `${handle[0].toUpperCase()}${handle.slice(1)} Person`,
        managerId: manager ? ids[manager] : null,
      },
    });
    ids[handle] = user.id;
  }
  return { tenant, ids };
}
