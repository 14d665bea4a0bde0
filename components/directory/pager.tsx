import { Link } from '@/components/ui/link';

/** Previous / next links that keep the other search parameters (`query`) of the list. */
export function Pager({ page, pageCount, query = {} }: { page: number; pageCount: number; query?: Record<string, string | undefined> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
    params.set('page', String(target));
    return `?${params}`;
  };
  return (
    <nav className="mt-4 flex items-center justify-between" aria-label="Pages">
      {page > 1 ? (
        <Link href={href(page - 1)} variant="button" tone="secondary" size="sm">
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        Page {page.toLocaleString('en')} of {pageCount.toLocaleString('en')}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} variant="button" tone="secondary" size="sm">
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
