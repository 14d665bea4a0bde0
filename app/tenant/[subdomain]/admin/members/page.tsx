import type { Metadata } from 'next';
import { PageLinks } from '@/components/admin/log-table';
import { RoleButton } from '@/components/admin/role-button';
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
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Members">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Members</caption>
          <thead className="border-b border-slate-300 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Name
              </th>
              <th scope="col" className="py-2 pr-3">
                User name
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2 pr-3">
                Source
              </th>
              <th scope="col" className="py-2 pr-3">
                Role
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">Change role</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.members.map((m) => (
              <tr key={m.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-3 font-medium">
                  {m.name}
                </th>
                <td className="py-2 pr-3">{m.userName}</td>
                <td className="py-2 pr-3">{m.active ? 'Active' : <span className="text-red-700">Deactivated</span>}</td>
                <td className="py-2 pr-3">{m.source}</td>
                <td className="py-2 pr-3">{m.role === 'admin' ? 'Admin' : 'Member'}</td>
                <td className="py-2">
                  {m.active || m.role === 'admin' ? <RoleButton userId={m.id} name={m.name} role={m.role} setRole={setRoleAction} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageLinks page={list.page} pageCount={list.pageCount} query={{}} />
    </>
  );
}
