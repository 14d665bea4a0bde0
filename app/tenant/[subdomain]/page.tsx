import type { ReactNode } from 'react';
import { Avatar } from '@/components/directory/avatar';
import { Button } from '@/components/ui/button';
import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { formatDate } from '@/lib/format-time';
import { loadHome } from '@/lib/directory/home';
import type { PersonLink } from '@/lib/directory/profile';
import { personName } from '@/lib/directory/person-name';

type Props = { params: Promise<{ subdomain: string }> };

function PersonItem({ person, note }: { person: PersonLink; note?: string | null }) {
  return (
    <li className="flex items-center gap-3">
      <Avatar name={person.name} size="sm" />
      <span className="min-w-0">
        <Link href={`/people/${person.id}`} variant="subtle" className="font-medium">
          {person.name}
        </Link>
        <span className="block truncate text-sm text-slate-600">{note ?? person.title ?? '\u00a0'}</span>
      </span>
    </li>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <p className="text-sm text-slate-600">{children}</p>;

export default async function Home({ params }: Props) {
  const { tenant, user } = await requireMember((await params).subdomain);
  const home = await loadHome(tenant.id, user);
  const { manager, peers, reports } = home.team;
  return (
    <>
      <h1 className="sr-only">{tenant.displayName} home</h1>
      <form method="get" action="/search" role="search" aria-label="Everything" className="mb-8">
        <label htmlFor="home-q" className="block text-lg font-semibold">
          Hello, {personName(user).split(' ')[0]}. Who or what are you looking for?
        </label>
        <div className="mt-2 flex gap-2">
          <input
            id="home-q"
            name="q"
            type="search"
            required
            maxLength={200}
            autoComplete="off"
            placeholder="People, teams, pages…"
            className="block w-full rounded-lg border border-slate-300 bg-white px-4 py-3 text-lg shadow-sm"
          />
          <Button type="submit" size="lg">
            Search
          </Button>
        </div>
        <p className="mt-2 text-sm text-slate-600">
          Tip: press <kbd className="rounded border border-slate-300 px-1">Ctrl</kbd> <kbd className="rounded border border-slate-300 px-1">K</kbd> anywhere to
          search, and <kbd className="rounded border border-slate-300 px-1">?</kbd> for every shortcut.
        </p>
      </form>
      <div className="grid gap-4 md:grid-cols-2">
        <Section
          title="Your team"
          action={
            <Link href={`/org?person=${user.id}`} className="text-sm">
              Org chart
            </Link>
          }
        >
          {manager || peers.length || reports.length ? (
            <div className="space-y-3">
              {manager ? (
                <ul aria-label="Your manager">
                  <PersonItem person={manager} note={`Your manager${manager.title ? ` · ${manager.title}` : ''}`} />
                </ul>
              ) : null}
              {reports.length ? (
                <ul aria-label="Your reports" className="space-y-2">
                  {reports.map((p) => (
                    <PersonItem key={p.id} person={p} />
                  ))}
                </ul>
              ) : null}
              {peers.length ? (
                <ul aria-label="Your peers" className="space-y-2">
                  {peers.map((p) => (
                    <PersonItem key={p.id} person={p} />
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <Empty>Nobody yet: once Microsoft Entra provisions your manager and colleagues, they show here.</Empty>
          )}
        </Section>
        <Section
          title="Recently joined"
          action={
            <Link href="/people" className="text-sm">
              All people
            </Link>
          }
        >
          {home.recentlyJoined.length ? (
            <ul className="space-y-2">
              {home.recentlyJoined.map((p) => (
                <PersonItem key={p.id} person={p} note={[p.title ?? p.department, `joined ${formatDate(p.joinedAt)}`].filter(Boolean).join(' · ')} />
              ))}
            </ul>
          ) : (
            <Empty>Nobody has been provisioned yet.</Empty>
          )}
        </Section>
        <Section
          title="Recently updated pages"
          action={
            <Link href="/wiki" className="text-sm">
              Wiki
            </Link>
          }
        >
          {home.recentPages.length ? (
            <ul className="space-y-2">
              {home.recentPages.map((p) => (
                <li key={p.slug} className="flex items-baseline justify-between gap-3">
                  <Link href={`/wiki/${p.slug}`} variant="subtle" className="font-medium">
                    {p.title}
                  </Link>
                  <span className="shrink-0 text-sm text-slate-600">{formatDate(p.updatedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>
              No pages yet. <Link href="/wiki/new">Write the first one</Link>.
            </Empty>
          )}
        </Section>
      </div>
    </>
  );
}
