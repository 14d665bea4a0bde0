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
      <Avatar name={person.name} photoKey={person.photoKey} size="sm" />
      <span className="min-w-0">
        <Link href={`/people/${person.id}`} variant="subtle" className="font-medium">
          {person.name}
        </Link>
        <span className="block truncate text-sm text-slate-600">{note ?? person.title ?? '\u00a0'}</span>
      </span>
    </li>
  );
}

/** One group of the team card, under its own visible heading (the list is named by it). */
function TeamGroup({ label, people }: { label: string; people: PersonLink[] }) {
  const id = `team-${label.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <div>
      <h3 id={id} className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {label}
      </h3>
      <ul aria-labelledby={id} className="space-y-2">
        {people.map((p) => (
          <PersonItem key={p.id} person={p} />
        ))}
      </ul>
    </div>
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
              {manager ? <TeamGroup label="Your manager" people={[manager]} /> : null}
              {reports.length ? <TeamGroup label="Your reports" people={reports} /> : null}
              {peers.length ? <TeamGroup label="Your peers" people={peers} /> : null}
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
