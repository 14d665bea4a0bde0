import { Avatar } from '@/components/directory/avatar';
import { CommandPalette } from '@/components/search/command-palette';
import { KeyboardShortcuts } from '@/components/search/keyboard-shortcuts';
import { Link } from '@/components/ui/link';
import { Menu, MenuButton, MenuLink } from '@/components/ui/menu';
import { NotificationBell, type BellActions } from './notification-bell';

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
  user?: {
    name: string;
    photoKey?: string | null;
    isAdmin: boolean;
    profileHref: string;
    /** The bell: unread notifications, and the server actions it calls. */
    notifications: { unread: number; actions: BellActions };
  } | null;
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
    <header className="border-b border-slate-200 bg-white print:hidden">
      {/* One row at any width: the company's name gives way (truncated) to the controls. */}
      <nav className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3" aria-label="Main">
        <Link href={homeHref} variant="plain" className="flex min-w-0 items-center gap-2 text-lg font-semibold text-indigo-700">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 28px static SVG needs no image optimisation */}
          <img src="/assets/logo.svg" alt="" width={28} height={28} className="shrink-0" />
          <span className="truncate">{title}</span>
        </Link>
        {sections.length > 0 ? (
          <ul className="mr-auto ml-6 hidden gap-4 text-sm sm:flex">
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
          <div className="ml-auto flex shrink-0 items-center gap-2 sm:ml-0">
            <SectionsMenu sections={sections} />
            <CommandPalette />
            <KeyboardShortcuts />
            <NotificationBell unread={user.notifications.unread} actions={user.notifications.actions} />
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

/** On a phone the sections fold into a menu, so that the header stays one row. */
function SectionsMenu({ sections }: { sections: { href: string; label: string }[] }) {
  return (
    <div className="text-sm sm:hidden">
      <Menu
        panelClassName="right-0 w-40"
        triggerClassName="flex h-8 w-8 items-center justify-center rounded-md border border-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        trigger={
          <>
            <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M3 5h12M3 9h12M3 13h12" />
            </svg>
            <span className="sr-only">Sections</span>
          </>
        }
      >
        {sections.map((s) => (
          <MenuLink key={s.href} href={s.href}>
            {s.label}
          </MenuLink>
        ))}
      </Menu>
    </div>
  );
}

function UserMenu({ user }: { user: { name: string; photoKey?: string | null; isAdmin: boolean; profileHref: string } }) {
  return (
    // The user avatar menu: My profile, Admin Console (admins only) and Sign out. The button's text is
    // the avatar's initials (hidden from screen readers) and the name, so its name is the person's.
    <div className="text-sm">
      <Menu
        triggerClassName="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        trigger={
          <>
            <Avatar name={user.name} photoKey={user.photoKey} size="sm" />
            {/* On a phone the avatar alone shows; the name stays the button's name. */}
            <span className="sr-only max-w-32 truncate text-slate-700 sm:not-sr-only">{user.name}</span>
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
