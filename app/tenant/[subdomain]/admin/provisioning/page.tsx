import type { Metadata } from 'next';
import { ActivityPanel } from '@/components/admin/activity-panel';
import { LogTable, PageLinks } from '@/components/admin/log-table';
import { CopyButton } from '@/components/admin/copy-button';
import { PhotosPanel } from '@/components/admin/photos-panel';
import { SignInMatchingPanel } from '@/components/admin/sign-in-matching';
import { Button } from '@/components/ui/button';
import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { Table } from '@/components/ui/table';
import { When } from '@/components/ui/when';
import { photoStatus } from '@/lib/admin/photo-status';
import { listProvisioningLog } from '@/lib/admin/provisioning-log';
import { readProvisioningLogQuery } from '@/lib/admin/provisioning-log-query';
import { provisioningActivity } from '@/lib/admin/provisioning-activity';
import { alertsState } from '@/lib/alerts/alert-settings';
import { provisioningStatus, type ProvisioningCounts, type ProvisioningStatus } from '@/lib/admin/provisioning-status';
import { signInMatching } from '@/lib/admin/sign-in-matching';
import { requireAdmin } from '@/lib/auth/guard';
import { adminConsentUrl } from '@/lib/auth/microsoft-urls';
import { getConfig } from '@/lib/config';
import { scimTenantUrl } from '@/lib/tenancy/routing';
import { syncPhotos } from '../actions';

export const metadata: Metadata = { title: 'Provisioning' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const rate = (c: ProvisioningCounts) => (c.requests === 0 ? '—' : `${((100 * c.failures) / c.requests).toFixed(1)}%`);

const COUNT_COLUMNS = [
  { header: 'Period', rowHeader: true, cell: (r: { label: string }) => r.label },
  ...(['created', 'updated', 'deactivated', 'deleted', 'requests'] as const).map((key) => ({
    header: key[0]!.toUpperCase() + key.slice(1),
    cell: (r: { c: ProvisioningCounts }) => r.c[key].toLocaleString('en'),
  })),
  { header: 'Failure rate', cell: (r: { c: ProvisioningCounts }) => rate(r.c) },
];

const ALERTS = {
  on: 'Email alerts are on: admins hear of expiring tokens, silence and failures.',
  'turned-off': 'Email alerts are turned off.',
  'no-email': 'Email alerts are off: this server has no SMTP settings (SMTP_URL).',
} as const;

function AlertsLine({ state }: { state: keyof typeof ALERTS }) {
  return (
    <p className="mt-2 text-sm text-slate-600">
      {ALERTS[state]} <Link href="/admin/settings/alerts">Settings → Alerts</Link>
    </p>
  );
}

/** What the connection's state means, and what to do: only an Entra that called and then stopped is an alarm. */
function StateNote({ status }: { status: ProvisioningStatus }) {
  const box = 'mt-2 rounded-md border p-3';
  switch (status.state) {
    case 'no-token':
      return (
        <p role="status" className={`${box} border-slate-200 bg-slate-50`}>
          No token yet: create one under <Link href="/admin/settings/service-accounts">Settings → Service Accounts</Link> and paste it into Entra.
        </p>
      );
    case 'waiting':
      return (
        <p role="status" className={`${box} border-sky-200 bg-sky-50 text-sky-900`}>
          Waiting for the first request from Microsoft Entra ID: paste the Tenant URL and a token into Entra and press Test Connection.
        </p>
      );
    case 'silent':
      return (
        <p role="status" className={`${box} border-amber-300 bg-amber-50 text-amber-900`}>
          Nothing has arrived from Microsoft Entra ID for over {status.silenceHours} {status.silenceHours === 1 ? 'hour' : 'hours'}, though it called before.
          Check the provisioning job in Entra (is it on, or in quarantine?).
        </p>
      );
    case 'receiving':
      return null;
  }
}

export default async function ProvisioningPage({ params, searchParams }: Props) {
  const { tenant } = await requireAdmin((await params).subdomain);
  const filters = readProvisioningLogQuery(await searchParams);
  const [status, activity, matching, photos, log] = await Promise.all([
    provisioningStatus(tenant.id, tenant.alertSilenceHours),
    provisioningActivity(tenant.id, filters.range),
    signInMatching(tenant.id),
    photoStatus(tenant),
    listProvisioningLog(tenant.id, filters, filters.page),
  ]);
  const tenantUrl = scimTenantUrl(getConfig().ROOT_DOMAIN, tenant.subdomain);
  const query = { outcome: filters.outcome, operation: filters.operation, search: filters.search, range: filters.range };
  const field = 'mt-1 block rounded-md border border-slate-300 px-2 py-1.5';
  return (
    <div className="space-y-8">
      <Section title="Status" framed={false}>
        <StateNote status={status} />
        <AlertsLine state={alertsState(tenant)} />
        <dl className="mt-3 grid gap-3 sm:grid-cols-5">
          <div>
            <dt className="text-sm text-slate-600">Last request from Entra</dt>
            <dd className="font-medium">{status.lastRequestAt ? <When date={status.lastRequestAt} precision="minutes" /> : 'Never'}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Last Test Connection</dt>
            <dd className="font-medium">{status.lastTestConnectionAt ? <When date={status.lastTestConnectionAt} /> : 'Never'}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Users provisioned</dt>
            <dd className="font-medium">{status.usersProvisioned.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Groups</dt>
            <dd className="font-medium">{status.groups.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Active tokens</dt>
            <dd className="font-medium">{status.activeTokens}</dd>
          </div>
        </dl>
        <div className="mt-3">
          <Table
            caption="Provisioning counts: changes to users, requests of every kind"
            minWidth="min-w-[36rem]"
            rowKey={(r) => r.label}
            rows={[
              { label: 'Today (UTC)', c: status.today },
              { label: 'Last 7 days', c: status.week },
            ]}
            columns={COUNT_COLUMNS}
          />
        </div>
      </Section>

      <Section title="Connecting Microsoft Entra ID" framed={false}>
        <ol className="mt-2 list-decimal space-y-2 pl-5">
          <li>
            In Entra: Enterprise applications → TheOrgWiki → Provisioning → Provisioning Mode <strong>Automatic</strong>. Tenant URL:
            {/* Wraps on a phone: the URL alone is wider than one. */}
            <span className="ml-2 inline-flex flex-wrap items-center gap-2">
              <code className="break-all">{tenantUrl}</code> <CopyButton value={tenantUrl} label="Copy Tenant URL" />
            </span>
          </li>
          <li>
            Secret Token: a token from <Link href="/admin/settings/service-accounts">Settings → Service Accounts</Link>.
          </li>
          <li>
            Mappings → Provision Microsoft Entra ID Users: set the source of <strong>externalId</strong> to <strong>objectId</strong>, so that people are
            matched to their profile by an id that never changes (see below).
          </li>
          <li>
            Press <strong>Test Connection</strong> (its request appears in the log below), then <strong>Save</strong>.
          </li>
          <li>
            Assign one user to the app first and provision on demand to check; then assign the rest (users with the Default Access role are not provisioned),
            set the scope, and turn provisioning <strong>On</strong>.
          </li>
        </ol>
      </Section>

      <ActivityPanel activity={activity} query={query} />

      <SignInMatchingPanel matching={matching} />

      <PhotosPanel status={photos} consentUrl={tenant.entraTenantId ? adminConsentUrl(tenant.entraTenantId) : null} syncNow={syncPhotos} />

      <Section title="Provisioning log" framed={false}>
        <form method="get" className="mt-3 flex flex-wrap items-end gap-3 text-sm">
          {/* The charts' range stays as the log is filtered. */}
          <input type="hidden" name="range" value={filters.range} />
          <label>
            Outcome
            <select name="outcome" defaultValue={filters.outcome} className={field}>
              <option value="all">All</option>
              <option value="success">Succeeded</option>
              <option value="failure">Failed</option>
            </select>
          </label>
          <label>
            Operation
            <select name="operation" defaultValue={filters.operation} className={field}>
              <option value="all">All</option>
              <option value="create">Create</option>
              <option value="update">Update</option>
              <option value="delete">Delete</option>
              <option value="read">Read</option>
            </select>
          </label>
          <label>
            Token or person
            <input name="search" defaultValue={filters.search} className={field} />
          </label>
          <Button type="submit" size="sm">
            Filter
          </Button>
          {/* A route handler answering with a CSV download: a plain link, or next/link would fetch it as a page. */}
          <Link href={`/admin/provisioning/export?${new URLSearchParams(query)}`} reload variant="button" tone="secondary" size="sm">
            Export CSV
          </Link>
        </form>
        <p className="mt-2 text-sm text-slate-600">
          {log.total.toLocaleString('en')}
          {log.more ? '+' : ''} {log.total === 1 ? 'request' : 'requests'}
        </p>
        <div className="mt-2">
          <LogTable entries={log.entries} caption="SCIM requests" via="Token" />
        </div>
        <PageLinks page={log.page} pageCount={log.pageCount} query={query} />
      </Section>
    </div>
  );
}
