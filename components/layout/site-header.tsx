import Link from 'next/link';

/** The bar at the top of every page: the site's name on the left; Login, or who is signed in, on the right. */
export function SiteHeader({ title, loginHref = '/login', user }: { title: string; loginHref?: string; user?: { name: string } | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3" aria-label="Main">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-indigo-700">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 28px static SVG needs no image optimisation */}
          <img src="/assets/logo.svg" alt="" width={28} height={28} />
          {title}
        </Link>
        {user ? (
          <form method="post" action="/logout" className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">{user.name}</span>
            <button type="submit" className="rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        ) : (
          <a href={loginHref} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Login
          </a>
        )}
      </nav>
    </header>
  );
}
