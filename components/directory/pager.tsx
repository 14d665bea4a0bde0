import Link from 'next/link';

/** Previous / next links that keep the other search parameters (`query`) of the list. */
export function Pager({ page, pageCount, query = {} }: { page: number; pageCount: number; query?: Record<string, string | undefined> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
    params.set('page', String(target));
    return `?${params}`;
  };
  const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100';
  return (
    <nav className="mt-4 flex items-center justify-between" aria-label="Pages">
      {page > 1 ? (
        <Link className={linkClass} href={href(page - 1)}>
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        Page {page.toLocaleString('en')} of {pageCount.toLocaleString('en')}
      </span>
      {page < pageCount ? (
        <Link className={linkClass} href={href(page + 1)}>
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
