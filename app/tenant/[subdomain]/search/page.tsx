import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { requireMember } from '@/lib/auth/guard';
import { searchEverything } from '@/lib/search/search-everything';

type Props = {
  params: Promise<{ subdomain: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: 'Search' };

const RESULTS_PER_KIND = 20;
const queryText = z.string().max(200).catch('').default('');

function Group({ title, count, more, children }: { title: string; count: number; more?: ReactNode; children: ReactNode }) {
  const id = `results-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 font-semibold">
        {title} <span className="text-sm font-normal text-slate-600">({count})</span>
      </h2>
      {count ? children : <p className="text-sm text-slate-600">No {title.toLowerCase()} match.</p>}
      {more}
    </section>
  );
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { tenant } = await requireMember((await params).subdomain);
  const q = queryText.parse((await searchParams).q);
  const results = await searchEverything(tenant.id, q, { limit: RESULTS_PER_KIND });
  const link = 'font-medium text-indigo-700 hover:underline';
  return (
    <>
      <h1 className="text-2xl font-bold">Search</h1>
      <form method="get" role="search" aria-label="Everything" className="mt-3 mb-6 flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          People, teams and pages
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          autoComplete="off"
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        />
        <button type="submit" className="rounded-md bg-indigo-600 px-4 font-medium text-on-accent hover:bg-indigo-700">
          Search
        </button>
      </form>
      {q.trim() ? (
        <div className="grid gap-4">
          <Group
            title="People"
            count={results.people.length}
            more={
              <a href={`/people?q=${encodeURIComponent(q)}`} className="mt-3 inline-block text-sm text-indigo-700 underline">
                All matching people, with filters
              </a>
            }
          >
            <ul className="space-y-1">
              {results.people.map((p) => (
                <li key={p.id}>
                  <a href={p.href} className={link}>
                    {p.name}
                  </a>
                  <span className="text-sm text-slate-600"> {[p.title, p.department, p.office].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
          </Group>
          <Group title="Teams" count={results.teams.length}>
            <ul className="space-y-1">
              {results.teams.map((t) => (
                <li key={t.id}>
                  <a href={t.href} className={link}>
                    {t.name}
                  </a>
                  <span className="text-sm text-slate-600"> {t.memberCount} members</span>
                </li>
              ))}
            </ul>
          </Group>
          <Group title="Pages" count={results.pages.length}>
            <ul className="space-y-2">
              {results.pages.map((p) => (
                <li key={p.slug}>
                  <a href={p.href} className={link}>
                    {p.title}
                  </a>
                  <p className="text-sm text-slate-600">{p.snippet}</p>
                </li>
              ))}
            </ul>
          </Group>
        </div>
      ) : (
        <p className="text-slate-600">Type a name, a team or words from a page.</p>
      )}
    </>
  );
}
