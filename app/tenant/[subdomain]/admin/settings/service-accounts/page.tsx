import type { Metadata } from 'next';
import { SettingsTabs } from '@/components/admin/admin-tabs';
import { ServiceAccountsPanel } from '@/components/admin/service-accounts-panel';
import { requireAdmin } from '@/lib/auth/guard';
import { getConfig } from '@/lib/config';
import { scimTenantUrl } from '@/lib/tenancy/routing';
import { listServiceAccounts } from '@/lib/tokens/service-accounts';
import { addServiceAccount, addToken, deleteServiceAccountAction, revokeTokenAction } from '../../actions';

export const metadata: Metadata = { title: 'Service Accounts' };

export default async function ServiceAccountsPage({ params }: { params: Promise<{ subdomain: string }> }) {
  const { tenant } = await requireAdmin((await params).subdomain);
  return (
    <>
      <SettingsTabs />
      <div className="mt-6">
        <ServiceAccountsPanel
          accounts={await listServiceAccounts(tenant.id)}
          tenantUrl={scimTenantUrl(getConfig().ROOT_DOMAIN, tenant.subdomain)}
          actions={{ addServiceAccount, addToken, revokeToken: revokeTokenAction, deleteServiceAccount: deleteServiceAccountAction }}
        />
      </div>
    </>
  );
}
