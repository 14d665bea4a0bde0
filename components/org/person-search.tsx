'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useSearch } from '@/components/search/use-search';

// Jump to anyone: the directory's search (GET /api/search, people only), and
// each result opens the chart at that person, in the view chosen.

const chartHref = (id: string, view: string | null) => `/org?person=${encodeURIComponent(id)}${view === 'list' ? '&view=list' : ''}`;

export function PersonSearch() {
  const [query, setQuery] = useState('');
  const router = useRouter();
  const view = useSearchParams().get('view');
  const listId = useId();
  const search = useSearch(query, { kind: 'people', limit: 8, debounceMs: 250 });
  const current = search.state === 'done' ? { people: search.results.people, failed: false } : search.state === 'failed' ? { people: [], failed: true } : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (current?.people[0]) router.push(chartHref(current.people[0].id, view));
  };

  return (
    <form role="search" onSubmit={onSubmit} className="relative mb-3 max-w-md print:hidden">
      <label htmlFor={`${listId}-input`} className="mb-1 block text-sm font-medium">
        Find a person in the chart
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
        aria-describedby={`${listId}-status`}
        placeholder="Name, title or department"
        className="w-full rounded-md border border-slate-300 px-3 py-2"
      />
      <p id={`${listId}-status`} role="status" className="sr-only">
        {current ? (current.failed ? 'Search failed.' : `${current.people.length} ${current.people.length === 1 ? 'person' : 'people'} found.`) : ''}
      </p>
      {current ? (
        <ul aria-label="Search results" className="absolute z-10 mt-1 w-full divide-y divide-slate-100 rounded-md border border-slate-200 bg-white shadow-lg">
          {current.failed ? <li className="px-3 py-2 text-sm text-red-700">Search is not available right now.</li> : null}
          {!current.failed && current.people.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">Nobody found.</li> : null}
          {current.people.map((person) => (
            <li key={person.id}>
              <Link href={chartHref(person.id, view)} onClick={() => setQuery('')} className="block px-3 py-2 hover:bg-indigo-50 focus:bg-indigo-50">
                <span className="font-medium text-indigo-700">{person.name}</span>
                {person.title || person.department ? (
                  <span className="block text-sm text-slate-600">{[person.title, person.department].filter(Boolean).join(' · ')}</span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
