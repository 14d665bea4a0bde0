import type { Metadata } from 'next';
import { LogTable, PageLinks } from '@/components/admin/log-table';
import { CopyButton } from '@/components/admin/copy-button';
import { SignInMatchingPanel } from '@/components/admin/sign-in-matching';
import { Button } from '@/components/ui/button';
import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { listProvisioningLog } from '@/lib/admin/provisioning-log';
import { readProvisioningLogQuery } from '@/lib/admin/provisioning-log-query';
import { provisioningStatus, type Counts } from '@/lib/admin/provisioning-status';
import { signInMatching } from '@/lib/admin/sign-in-matching';
import { requireAdmin } from '@/lib/auth/guard';
import { getConfig } from '@/lib/config';
import { formatUtc } from '@/lib/format-time';
import { siteOrigin } from '@/lib/tenancy/host';
import { SCIM_BASE_PATH } from '@/lib/tenancy/routing';

export const metadata: Metadata = { title: 'Provisioning' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = (date: Date | null) => (date ? formatUtc(date) : 'Never');
const rate = (c: Counts) => (c.requests === 0 ? '—' : `${((100 * c.failures) / c.requests).toFixed(1)}%`);

function CountsRow({ label, c }: { label: string; c: Counts }) {
  return (
    <tr className="border-b border-slate-200">
      <th scope="row" className="py-1 pr-3 font-medium">
        {label}
      </th>
      <td className="py-1 pr-3">{c.created}</td>
      <td className="py-1 pr-3">{c.updated}</td>
      <td className="py-1 pr-3">{c.deactivated}</td>
      <td className="py-1 pr-3">{c.deleted}</td>
      <td className="py-1 pr-3">{c.requests}</td>
      <td className="py-1">{rate(c)}</td>
    </tr>
  );
}

export default async function ProvisioningPage({ params, searchParams }: Props) {
  const { tenant } = await requireAdmin((await params).subdomain);
  const filters = readProvisioningLogQuery(await searchParams);
  const [status, matching, log] = await Promise.all([
    provisioningStatus(tenant.id),
    signInMatching(tenant.id),
    listProvisioningLog(tenant.id, filters, filters.page),
  ]);
  const tenantUrl = `${siteOrigin(getConfig().ROOT_DOMAIN, tenant.subdomain)}${SCIM_BASE_PATH}/`;
  const query = { outcome: filters.outcome, operation: filters.operation, search: filters.search };
  const field = 'mt-1 block rounded-md border border-slate-300 px-2 py-1.5';
  return (
    <div className="space-y-8">
      <Section title="Status" framed={false}>
        {status.silent ? (
          <p role="status" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
            Nothing has arrived from Microsoft Entra ID for over two hours, though tokens exist. Check the provisioning job in Entra (is it on, or in
            quarantine?).
          </p>
        ) : null}
        <dl className="mt-3 grid gap-3 sm:grid-cols-5">
          <div>
            <dt className="text-sm text-slate-600">Last request from Entra</dt>
            <dd className="font-medium">{when(status.lastRequestAt)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Last Test Connection</dt>
            <dd className="font-medium">{when(status.lastTestConnectionAt)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Users provisioned</dt>
            <dd className="font-medium">{status.usersProvisioned}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Groups</dt>
            <dd className="font-medium">{status.groups}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Active tokens</dt>
            <dd className="font-medium">{status.activeTokens}</dd>
          </div>
        </dl>
        <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Provisioning counts">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">Provisioning counts</caption>
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  <span className="sr-only">Period</span>
                </th>
                <th scope="col" className="py-1 pr-3">
                  Created
                </th>
                <th scope="col" className="py-1 pr-3">
                  Updated
                </th>
                <th scope="col" className="py-1 pr-3">
                  Deactivated
                </th>
                <th scope="col" className="py-1 pr-3">
                  Deleted
                </th>
                <th scope="col" className="py-1 pr-3">
                  Requests
                </th>
                <th scope="col" className="py-1">
                  Error rate
                </th>
              </tr>
            </thead>
            <tbody>
              <CountsRow label="Today (UTC)" c={status.today} />
              <CountsRow label="Last 7 days" c={status.week} />
            </tbody>
          </table>
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

      <SignInMatchingPanel matching={matching} />

      <Section title="Provisioning log" framed={false}>
        <form method="get" className="mt-3 flex flex-wrap items-end gap-3 text-sm">
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
          {log.total} {log.total === 1 ? 'request' : 'requests'}
        </p>
        <div className="mt-2">
          <LogTable entries={log.entries} caption="SCIM requests" actorHeading="Token" />
        </div>
        <PageLinks page={log.page} pageCount={log.pageCount} query={query} />
      </Section>
    </div>
  );
}
