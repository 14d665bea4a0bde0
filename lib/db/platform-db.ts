import { rootClient } from './client';
import type { Tenant } from './generated/client';

// The few operations that are not about one tenant's data: finding a tenant by
// its subdomain, creating one, listing them for operators. Named functions
// rather than the Prisma delegate, so that nothing here can select or include
// another table's rows. Tenant-owned rows are reached through tenantDb() only.
export const platformDb = {
  findTenantBySubdomain(subdomain: string): Promise<Tenant | null> {
    return rootClient().tenant.findUnique({ where: { subdomain } });
  },

  /** The tenant bound to a Microsoft Entra directory (`tid`), if any. */
  findTenantByDirectory(entraTenantId: string): Promise<Tenant | null> {
    return rootClient().tenant.findUnique({ where: { entraTenantId } });
  },

  createTenant(data: { subdomain: string; displayName: string; entraTenantId?: string }): Promise<Tenant> {
    return rootClient().tenant.create({ data });
  },

  /** A tenant's own settings; the subdomain and the bound directory never change here. */
  updateTenantSettings(id: string, data: { displayName?: string; signInPolicy?: Tenant['signInPolicy'] }): Promise<Tenant> {
    return rootClient().tenant.update({ where: { id }, data });
  },

  listTenants(): Promise<Tenant[]> {
    return rootClient().tenant.findMany({ orderBy: { createdAt: 'asc' } });
  },

  /** Removes a tenant and, by cascade, everything it owns. */
  async deleteTenant(id: string): Promise<void> {
    await rootClient().tenant.delete({ where: { id } });
  },
};
