import type { Metadata } from 'next';
import { LogTable, PageLinks } from '@/components/admin/log-table';
import { listAuditLog } from '@/lib/admin/audit-log';
import { requireAdmin } from '@/lib/auth/guard';
import { readPageNumber } from '@/lib/paging';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ params, searchParams }: Props) {
  const { tenant } = await requireAdmin((await params).subdomain);
  const page = readPageNumber(await searchParams);
  const log = await listAuditLog(tenant.id, page);
  return (
    <>
      <h2 className="mb-1 text-xl font-semibold">Audit log</h2>
      <p className="mb-4 text-sm text-slate-600">What admins and operators changed: tokens, service accounts, roles and settings.</p>
      <LogTable entries={log.entries} caption="Admin actions" />
      <PageLinks page={log.page} pageCount={log.pageCount} query={{}} />
    </>
  );
}
