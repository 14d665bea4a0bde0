import type { PersonSummary } from '@/lib/directory/list-people';

export function PeopleList({ people }: { people: PersonSummary[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="People">
      {people.map((person) => (
        <li key={person.id} className="flex flex-col gap-0.5 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between">
          <span className="font-medium">
            <a href={`/people/${person.id}`} className="text-indigo-700 hover:underline">
              {person.displayName}
            </a>
          </span>
          <span className="text-sm text-slate-600">
            {[person.title, person.department].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
