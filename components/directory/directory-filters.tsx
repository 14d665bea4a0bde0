import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import type { DirectoryFacets, DirectorySearch } from '@/lib/directory/search-people';

interface Props {
  search: DirectorySearch;
  facets: DirectoryFacets;
  teams: { id: string; name: string }[];
  /** The person whose reports are listed, when the manager filter is on. */
  manager: { id: string; name: string } | null;
}

const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

function Choice({
  name,
  label,
  value,
  options,
  any = 'Any',
}: {
  name: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
  any?: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} className={field}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The directory's search box and filters: a plain GET form, so every search has a URL to share and works without script. */
export function DirectoryFilters({ search, facets, teams, manager }: Props) {
  const counted = (list: { value: string; count: number }[]) => list.map((f) => ({ value: f.value, label: `${f.value} (${f.count.toLocaleString('en')})` }));
  return (
    <form method="get" role="search" aria-label="People" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
      <label className="block text-sm font-medium text-slate-700" htmlFor="directory-q">
        Name, title, department, office, email, phone or skill
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="directory-q"
          name="q"
          type="search"
          defaultValue={search.q}
          maxLength={200}
          autoComplete="off"
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        />
        <Button type="submit">Search</Button>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-4">
        <Choice name="department" label="Department" value={search.department} options={counted(facets.departments)} />
        <Choice name="office" label="Office" value={search.office} options={counted(facets.offices)} />
        <Choice name="group" label="Team" value={search.group} options={teams.map((t) => ({ value: t.id, label: t.name }))} />
        <Choice
          name="status"
          label="Status"
          value={search.status === 'active' ? undefined : search.status}
          any="Current people"
          options={[
            { value: 'former', label: 'Former people' },
            { value: 'all', label: 'Everyone' },
          ]}
        />
      </div>
      {manager ? (
        <p className="mt-3 text-sm">
          <input type="hidden" name="manager" value={manager.id} />
          Reports of{' '}
          <Link href={`/people/${manager.id}`} className="font-medium">
            {manager.name}
          </Link>{' '}
          <button type="submit" name="manager" value="" className="ml-1 rounded border border-slate-300 px-1.5 text-slate-700 hover:bg-slate-100">
            Remove this filter
          </button>
        </p>
      ) : null}
    </form>
  );
}
