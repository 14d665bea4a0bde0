import Link from 'next/link';
import { Avatar } from '@/components/directory/avatar';
import { CommandPalette } from '@/components/search/command-palette';
import { KeyboardShortcuts } from '@/components/search/keyboard-shortcuts';

/** The bar at the top of every page: the site's name on the left; Login, or who is signed in, on the right. */
export function SiteHeader({
  title,
  homeHref = '/',
  loginHref = '/login',
  user,
}: {
  title: string;
  homeHref?: string;
  loginHref?: string;
  user?: { name: string; isAdmin: boolean; profileHref: string } | null;
}) {
  // The sections of a tenant's site, for signed-in people.
  const sections = user
    ? [
        { href: '/people', label: 'People' },
        { href: '/org', label: 'Org chart' },
        { href: '/teams', label: 'Teams' },
        { href: '/wiki', label: 'Wiki' },
      ]
    : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-y-2 px-4 py-3" aria-label="Main">
        <Link href={homeHref} className="flex items-center gap-2 text-lg font-semibold text-indigo-700">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 28px static SVG needs no image optimisation */}
          <img src="/assets/logo.svg" alt="" width={28} height={28} />
          {title}
        </Link>
        {sections.length > 0 ? (
          <ul className="order-last flex w-full gap-4 text-sm sm:order-none sm:mr-auto sm:ml-6 sm:w-auto">
            {sections.map((s) => (
              <li key={s.href}>
                <a href={s.href} className="text-slate-700 hover:text-indigo-700">
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {user ? (
          <div className="ml-auto flex items-center gap-2 sm:ml-0">
            <CommandPalette />
            <KeyboardShortcuts />
            <UserMenu user={user} />
          </div>
        ) : (
          <a href={loginHref} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Login
          </a>
        )}
      </nav>
    </header>
  );
}

function UserMenu({ user }: { user: { name: string; isAdmin: boolean; profileHref: string } }) {
  return (
    // The user avatar menu: Admin Console (admins only) and Sign out. <details> needs no script and works by keyboard.
    <details className="relative text-sm">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <Avatar name={user.name} size="sm" />
        <span className="max-w-32 truncate text-slate-700">{user.name}</span>
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        <a href={user.profileHref} className="block px-3 py-2 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
          My profile
        </a>
        {user.isAdmin ? (
          <a href="/admin" className="block px-3 py-2 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Admin Console
          </a>
        ) : null}
        <form method="post" action="/logout">
          <button type="submit" className="block w-full px-3 py-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
