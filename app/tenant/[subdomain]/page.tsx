import { PeopleList } from '@/components/directory/people-list';
import { Pager } from '@/components/directory/pager';
import { listPeople } from '@/lib/directory/list-people';
import { requireMember } from '@/lib/auth/guard';
import { readPageNumber } from '@/lib/paging';

type Props = {
  params: Promise<{ subdomain: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DirectoryHome({ params, searchParams }: Props) {
  const { tenant } = await requireMember((await params).subdomain);
  const page = readPageNumber(await searchParams);
  const directory = await listPeople(tenant.id, page);
  return (
    <>
      <h1 className="text-2xl font-bold">People</h1>
      <p className="mt-1 mb-4 text-slate-600">
        {directory.total} {directory.total === 1 ? 'person' : 'people'} at {tenant.displayName}
      </p>
      <PeopleList people={directory.people} />
      <Pager page={directory.page} pageCount={directory.pageCount} />
    </>
  );
}
