import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { searchEverything } from '@/lib/search/search-everything';

type Props = {
  params: Promise<{ subdomain: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: 'Search' };

const RESULTS_PER_KIND = 20;
const queryText = z.string().max(200).catch('').default('');

/** One kind of result, its count in the heading (and so in the region's name: "People (3)"). */
function Group({ title, count, more, children }: { title: string; count: number; more?: ReactNode; children: ReactNode }) {
  return (
    <Section
      title={
        <>
          {title} <span className="text-sm font-normal text-slate-600">({count})</span>
        </>
      }
    >
      {count ? children : <p className="text-sm text-slate-600">No {title.toLowerCase()} match.</p>}
      {more}
    </Section>
  );
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { tenant } = await requireMember((await params).subdomain);
  const q = queryText.parse((await searchParams).q);
  const results = await searchEverything(tenant.id, q, { limit: RESULTS_PER_KIND });
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
        <Button type="submit">Search</Button>
      </form>
      {q.trim() ? (
        <div className="grid gap-4">
          <Group
            title="People"
            count={results.people.length}
            more={
              <Link href={`/people?q=${encodeURIComponent(q)}`} className="mt-3 inline-block text-sm">
                All matching people, with filters
              </Link>
            }
          >
            <ul className="space-y-1">
              {results.people.map((p) => (
                <li key={p.id}>
                  <Link href={p.href} variant="subtle" className="font-medium">
                    {p.name}
                  </Link>
                  <span className="text-sm text-slate-600"> {[p.title, p.department, p.office].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
          </Group>
          <Group title="Teams" count={results.teams.length}>
            <ul className="space-y-1">
              {results.teams.map((t) => (
                <li key={t.id}>
                  <Link href={t.href} variant="subtle" className="font-medium">
                    {t.name}
                  </Link>
                  <span className="text-sm text-slate-600"> {t.memberCount} members</span>
                </li>
              ))}
            </ul>
          </Group>
          <Group title="Pages" count={results.pages.length}>
            <ul className="space-y-2">
              {results.pages.map((p) => (
                <li key={p.slug}>
                  <Link href={p.href} variant="subtle" className="font-medium">
                    {p.title}
                  </Link>
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
