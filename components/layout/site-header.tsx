import { Avatar } from '@/components/directory/avatar';
import { CommandPalette } from '@/components/search/command-palette';
import { KeyboardShortcuts } from '@/components/search/keyboard-shortcuts';
import { Link } from '@/components/ui/link';
import { Menu, MenuButton, MenuLink } from '@/components/ui/menu';

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
        <Link href={homeHref} variant="plain" className="flex items-center gap-2 text-lg font-semibold text-indigo-700">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 28px static SVG needs no image optimisation */}
          <img src="/assets/logo.svg" alt="" width={28} height={28} />
          {title}
        </Link>
        {sections.length > 0 ? (
          <ul className="order-last flex w-full gap-4 text-sm sm:order-none sm:mr-auto sm:ml-6 sm:w-auto">
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href} variant="plain" className="text-slate-700 hover:text-indigo-700">
                  {s.label}
                </Link>
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
          // A route handler on a tenant's site (/auth/start), so a full page load.
          <Link href={loginHref} reload variant="button" tone="ghost" size="sm">
            Login
          </Link>
        )}
      </nav>
    </header>
  );
}

function UserMenu({ user }: { user: { name: string; isAdmin: boolean; profileHref: string } }) {
  return (
    // The user avatar menu: My profile, Admin Console (admins only) and Sign out. The button's text is
    // the avatar's initials (hidden from screen readers) and the name, so its name is the person's.
    <div className="text-sm">
      <Menu
        triggerClassName="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        trigger={
          <>
            <Avatar name={user.name} size="sm" />
            <span className="max-w-32 truncate text-slate-700">{user.name}</span>
          </>
        }
      >
        <MenuLink href={user.profileHref}>My profile</MenuLink>
        {user.isAdmin ? <MenuLink href="/admin">Admin Console</MenuLink> : null}
        {/* A route handler: the form posts to it and the browser follows its redirect. */}
        <form method="post" action="/logout">
          <MenuButton type="submit">Sign out</MenuButton>
        </form>
      </Menu>
    </div>
  );
}
