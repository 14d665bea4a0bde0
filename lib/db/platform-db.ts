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

  createTenant(data: { subdomain: string; displayName: string; entraTenantId?: string; claimedByDirectoryAdmin?: boolean }): Promise<Tenant> {
    return rootClient().tenant.create({ data });
  },

  /** A tenant's own settings; the subdomain and the bound directory never change here. */
  updateTenantSettings(
    id: string,
    data: Partial<
      Pick<Tenant, 'displayName' | 'signInPolicy' | 'allowPhotoUpload' | 'alertsEnabled' | 'alertRecipientIds' | 'alertSilenceHours' | 'alertFailurePercent'>
    >,
  ): Promise<Tenant> {
    return rootClient().tenant.update({ where: { id }, data });
  },

  /** Marks the tenant as claimed by a directory admin; false when one already had (of two at once, one wins). */
  async claimForDirectoryAdmin(id: string): Promise<boolean> {
    const { count } = await rootClient().tenant.updateMany({ where: { id, claimedByDirectoryAdmin: false }, data: { claimedByDirectoryAdmin: true } });
    return count === 1;
  },

  /** Undoes claimForDirectoryAdmin when the takeover it began could not finish. */
  async unclaim(id: string): Promise<void> {
    await rootClient().tenant.update({ where: { id }, data: { claimedByDirectoryAdmin: false } });
  },

  /** Marks the tenant's default page templates as given; false when they were (of two at once, one wins). */
  async claimTemplateSeeding(id: string): Promise<boolean> {
    const { count } = await rootClient().tenant.updateMany({ where: { id, templatesSeededAt: null }, data: { templatesSeededAt: new Date() } });
    return count === 1;
  },

  /** Undoes claimTemplateSeeding when the templates could not be written. */
  async unclaimTemplateSeeding(id: string): Promise<void> {
    await rootClient().tenant.update({ where: { id }, data: { templatesSeededAt: null } });
  },

  listTenants(): Promise<Tenant[]> {
    return rootClient().tenant.findMany({ orderBy: { createdAt: 'asc' } });
  },

  /** Tenants bound to a directory that have photos due: the photo job's round (one id each, no tenant rows read). */
  async tenantsWithPhotosDue(): Promise<{ id: string; entraTenantId: string }[]> {
    return rootClient().$queryRaw<{ id: string; entraTenantId: string }[]>`
      SELECT t."id", t."entraTenantId"::text AS "entraTenantId" FROM "Tenant" t
      WHERE t."entraTenantId" IS NOT NULL AND EXISTS (
        SELECT 1 FROM "PersonPhoto" p JOIN "User" u ON u."tenantId" = p."tenantId" AND u."id" = p."userId" AND u."active"
        WHERE p."tenantId" = t."id" AND p."dueAt" <= now())`;
  },

  /** Removes a tenant and, by cascade, everything it owns. */
  async deleteTenant(id: string): Promise<void> {
    await rootClient().tenant.delete({ where: { id } });
  },
};
