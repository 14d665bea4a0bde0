import { Link } from '@/components/ui/link';
import type { PersonSummary } from '@/lib/directory/search-people';
import { Avatar } from './avatar';

export function PeopleList({ people, label = 'People' }: { people: PersonSummary[]; label?: string }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={label}>
      {people.map((person) => (
        <li key={person.id} className="flex items-center gap-3 px-4 py-3">
          <Avatar name={person.name} photoKey={person.photoKey} />
          <div className="min-w-0 flex-1 sm:flex sm:items-baseline sm:justify-between sm:gap-4">
            <p className="font-medium">
              {/* A full page load for now: e2e/demo/support/wiki-walk.ts waits for a navigation request to the profile. */}
              <Link href={`/people/${person.id}`} reload variant="subtle">
                {person.name}
              </Link>
              {person.former ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-normal text-slate-700">Former</span> : null}
            </p>
            <p className="truncate text-sm text-slate-600">{[person.title, person.department, person.office].filter(Boolean).join(' · ')}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
