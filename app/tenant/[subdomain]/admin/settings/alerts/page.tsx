import type { Metadata } from 'next';
import { SettingsTabs } from '@/components/admin/admin-tabs';
import { AlertSettingsForm } from '@/components/admin/alert-settings-form';
import { Section } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { When } from '@/components/ui/when';
import { alertSettingsView } from '@/lib/alerts/alert-settings';
import { requireAdmin } from '@/lib/auth/guard';
import { saveAlertSettings } from '../../actions';

export const metadata: Metadata = { title: 'Alerts' };

const STATUS = { pending: 'Sending', sent: 'Sent', skipped: 'Not sent', failed: 'Failed' } as const;

export default async function AlertsPage({ params }: { params: Promise<{ subdomain: string }> }) {
  const { tenant } = await requireAdmin((await params).subdomain);
  const { recent, ...settings } = await alertSettingsView(tenant);
  return (
    <>
      <SettingsTabs />
      <div className="mt-6 space-y-8">
        {settings.mailEnabled ? null : (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
            Email alerts are off: this server has no SMTP settings (SMTP_URL and MAIL_FROM). Alerts are still listed below, but nobody is emailed.
          </p>
        )}
        <Section title="Alerts" framed={false}>
          <div className="mt-3 max-w-2xl">
            <AlertSettingsForm settings={settings} save={saveAlertSettings} />
          </div>
        </Section>
        <Section title="Recent alerts" framed={false}>
          {recent.length === 0 ? (
            <p className="mt-3 rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">No alerts yet.</p>
          ) : (
            <div className="mt-3">
              <Table
                caption="Recent alerts"
                rows={recent}
                rowKey={(a) => a.id}
                columns={[
                  { header: 'When', cell: (a) => <When date={a.createdAt} precision="minutes" /> },
                  { header: 'Alert', rowHeader: true, cell: (a) => a.subject },
                  { header: 'Outcome', cell: (a) => STATUS[a.status as keyof typeof STATUS] },
                  { header: 'To', cell: (a) => (a.recipients.length > 0 ? a.recipients.join(', ') : (a.error ?? '')) },
                ]}
              />
            </div>
          )}
        </Section>
      </div>
    </>
  );
}
