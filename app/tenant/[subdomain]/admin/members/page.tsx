import type { Metadata } from 'next';
import { PageLinks } from '@/components/admin/log-table';
import { RoleButton } from '@/components/admin/role-button';
import { Table } from '@/components/ui/table';
import { listMembers } from '@/lib/admin/members';
import { requireAdmin } from '@/lib/auth/guard';
import { readPageNumber } from '@/lib/paging';
import { setRoleAction } from '../actions';

export const metadata: Metadata = { title: 'Members' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MembersPage({ params, searchParams }: Props) {
  const { tenant } = await requireAdmin((await params).subdomain);
  const page = readPageNumber(await searchParams);
  const list = await listMembers(tenant.id, page);
  return (
    <>
      <h2 className="mb-1 text-xl font-semibold">Members</h2>
      <p className="mb-4 text-sm text-slate-600">
        {list.total} {list.total === 1 ? 'person' : 'people'}. Admins open this console; a tenant always keeps one.
      </p>
      <Table
        caption="Members"
        rows={list.members}
        rowKey={(m) => m.id}
        columns={[
          { header: 'Name', rowHeader: true, cell: (m) => m.name },
          { header: 'User name', cell: (m) => m.userName },
          { header: 'Status', cell: (m) => (m.active ? 'Active' : <span className="text-red-700">Deactivated</span>) },
          { header: 'Source', cell: (m) => m.source },
          { header: 'Role', cell: (m) => (m.role === 'admin' ? 'Admin' : 'Member') },
          {
            header: 'Change role',
            hideHeader: true,
            cell: (m) => (m.active || m.role === 'admin' ? <RoleButton userId={m.id} name={m.name} role={m.role} setRole={setRoleAction} /> : null),
          },
        ]}
      />
      <PageLinks page={list.page} pageCount={list.pageCount} query={{}} />
    </>
  );
}
