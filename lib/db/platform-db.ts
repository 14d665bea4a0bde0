import { rootClient } from './client';

// Access that is not about one tenant's data: looking tenants up by subdomain,
// creating them, listing them for operators. Tenant-owned rows are not reachable
// from here; use tenantDb(tenantId) for those.
export const platformDb = {
  get tenant() {
    return rootClient().tenant;
  },
};
