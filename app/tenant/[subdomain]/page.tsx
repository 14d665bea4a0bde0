import type { ReactNode } from 'react';
import { Avatar } from '@/components/directory/avatar';
import { requireMember } from '@/lib/auth/guard';
import { formatDate } from '@/lib/format-time';
import { loadHome } from '@/lib/directory/home';
import type { PersonLink } from '@/lib/directory/profile';
import { personName } from '@/lib/directory/person-name';

type Props = { params: Promise<{ subdomain: string }> };

function Card({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const id = `home-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex items-baseline justify-between">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function PersonItem({ person, note }: { person: PersonLink; note?: string | null }) {
  return (
    <li className="flex items-center gap-3">
      <Avatar name={person.name} size="sm" />
      <span className="min-w-0">
        <a href={`/people/${person.id}`} className="font-medium text-indigo-700 hover:underline">
          {person.name}
        </a>
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
          <button type="submit" className="rounded-lg bg-indigo-600 px-5 font-medium text-on-accent hover:bg-indigo-700">
            Search
          </button>
        </div>
        <p className="mt-2 text-sm text-slate-600">
          Tip: press <kbd className="rounded border border-slate-300 px-1">Ctrl</kbd> <kbd className="rounded border border-slate-300 px-1">K</kbd> anywhere to
          search, and <kbd className="rounded border border-slate-300 px-1">?</kbd> for every shortcut.
        </p>
      </form>
      <div className="grid gap-4 md:grid-cols-2">
        <Card
          title="Your team"
          action={
            <a href={`/org?person=${user.id}`} className="text-sm text-indigo-700 underline">
              Org chart
            </a>
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
        </Card>
        <Card
          title="Recently joined"
          action={
            <a href="/people" className="text-sm text-indigo-700 underline">
              All people
            </a>
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
        </Card>
        <Card
          title="Recently updated pages"
          action={
            <a href="/wiki" className="text-sm text-indigo-700 underline">
              Wiki
            </a>
          }
        >
          {home.recentPages.length ? (
            <ul className="space-y-2">
              {home.recentPages.map((p) => (
                <li key={p.slug} className="flex items-baseline justify-between gap-3">
                  <a href={`/wiki/${p.slug}`} className="font-medium text-indigo-700 hover:underline">
                    {p.title}
                  </a>
                  <span className="shrink-0 text-sm text-slate-600">{formatDate(p.updatedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>
              No pages yet.{' '}
              <a href="/wiki/new" className="text-indigo-700 underline">
                Write the first one
              </a>
              .
            </Empty>
          )}
        </Card>
      </div>
    </>
  );
}
