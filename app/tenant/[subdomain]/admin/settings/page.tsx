import type { Metadata } from 'next';
import { CopyButton } from '@/components/admin/copy-button';
import { SettingsTabs } from '@/components/admin/admin-tabs';
import { SettingsForm } from '@/components/admin/settings-form';
import { SIGN_IN_POLICIES } from '@/lib/admin/settings';
import { requireAdmin } from '@/lib/auth/guard';
import { getConfig } from '@/lib/config';
import { scimTenantUrl } from '@/lib/tenancy/routing';
import { saveSettings } from '../actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ subdomain: string }> }) {
  const { tenant } = await requireAdmin((await params).subdomain);
  const tenantUrl = scimTenantUrl(getConfig().ROOT_DOMAIN, tenant.subdomain);
  return (
    <>
      <SettingsTabs />
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="general">
          <h2 id="general" className="mb-3 text-xl font-semibold">
            General
          </h2>
          <SettingsForm
            displayName={tenant.displayName}
            signInPolicy={tenant.signInPolicy}
            allowPhotoUpload={tenant.allowPhotoUpload}
            policies={SIGN_IN_POLICIES}
            save={saveSettings}
          />
        </section>
        <section aria-labelledby="connection" className="space-y-4">
          <h2 id="connection" className="text-xl font-semibold">
            Connection
          </h2>
          <div>
            <h3 className="font-medium">Subdomain</h3>
            <p>
              <code>{tenant.subdomain}</code>
            </p>
            <p className="text-sm text-slate-600">Fixed at sign-up: it is in your people&apos;s links and in the Tenant URL Microsoft Entra ID stores.</p>
          </div>
          <div>
            <h3 className="font-medium">Microsoft directory</h3>
            <p>
              <code>{tenant.entraTenantId ?? 'Not bound'}</code>
            </p>
            <p className="text-sm text-slate-600">People of this Entra tenant sign in here.</p>
          </div>
          <div>
            <h3 id="tenant-url-label" className="font-medium">
              Tenant URL
            </h3>
            <div className="mt-1 flex gap-2">
              <input
                aria-labelledby="tenant-url-label"
                readOnly
                value={tenantUrl}
                className="w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-sm"
              />
              <CopyButton value={tenantUrl} />
            </div>
            <p className="text-sm text-slate-600">Paste it into Entra: Enterprise applications → TheOrgWiki → Provisioning → Tenant URL.</p>
          </div>
        </section>
      </div>
    </>
  );
}
