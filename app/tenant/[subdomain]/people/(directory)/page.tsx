import type { Metadata } from 'next';
import { DirectoryFilters } from '@/components/directory/directory-filters';
import { Pager } from '@/components/directory/pager';
import { PeopleList } from '@/components/directory/people-list';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { personName } from '@/lib/directory/person-name';
import { findPerson } from '@/lib/directory/find-person';
import { directoryFacets, directorySearchParams, searchPeople } from '@/lib/directory/search-people';
import { listTeamNames } from '@/lib/directory/teams';

type Props = {
  params: Promise<{ subdomain: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: 'People' };

export default async function PeopleDirectory({ params, searchParams }: Props) {
  const { tenant, user } = await requireMember((await params).subdomain);
  const search = directorySearchParams.parse(await searchParams);
  const [found, facets, teams, manager] = await Promise.all([
    searchPeople(tenant.id, search),
    directoryFacets(tenant.id),
    listTeamNames(tenant.id),
    search.manager ? findPerson(tenant.id, search.manager) : null,
  ]);
  // The same search as CSV, for admins (app/tenant/[subdomain]/people/export).
  const exportQuery = new URLSearchParams(
    Object.entries({ ...search, page: undefined }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
  const filtered = Boolean(search.q || search.department || search.office || search.group || search.manager || search.status !== 'active');
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">People</h1>
        {user.role === 'admin' ? (
          // A route handler answering with a download: a plain link, or next/link would fetch it as a page.
          <Link href={`/people/export?${exportQuery}`} reload variant="button" tone="secondary" size="sm">
            Export CSV
          </Link>
        ) : null}
      </div>
      <p className="mt-1 mb-4 text-slate-600" role="status">
        {found.total.toLocaleString('en')} {found.total === 1 ? 'person' : 'people'}
        {found.fuzzy ? ` with names close to “${search.q.trim()}”` : filtered ? ' found' : ` at ${tenant.displayName}`}
      </p>
      <DirectoryFilters search={search} facets={facets} teams={teams} manager={manager ? { id: manager.id, name: personName(manager) } : null} />
      {found.people.length > 0 ? (
        <PeopleList people={found.people} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">Nobody matches.</p>
          <p className="mt-1 text-sm text-slate-600">Check the spelling, use fewer words, or clear a filter.</p>
          <Link href="/people" className="mt-3 inline-block">
            Show everyone
          </Link>
        </div>
      )}
      <Pager
        page={found.page}
        pageCount={found.pageCount}
        query={{ ...search, page: undefined, status: search.status === 'active' ? undefined : search.status }}
      />
    </>
  );
}
