import Link from 'next/link';

export function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100';
  return (
    <nav className="mt-4 flex items-center justify-between" aria-label="Pages">
      {page > 1 ? <Link className={linkClass} href={`?page=${page - 1}`}>Previous</Link> : <span />}
      <span className="text-sm text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link className={linkClass} href={`?page=${page + 1}`}>Next</Link> : <span />}
    </nav>
  );
}
