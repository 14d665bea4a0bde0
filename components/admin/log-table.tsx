import { Link } from '@/components/ui/link';
import { Table } from '@/components/ui/table';
import type { LogEntry } from '@/lib/admin/log-entry';
import { formatUtc } from '@/lib/format-time';

/** Log entries with each change's attributes (before → after): a table on a wide screen, cards on a phone. */
export function LogTable({ entries, caption, actorHeading }: { entries: LogEntry[]; caption: string; actorHeading: string }) {
  if (entries.length === 0) return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">Nothing here yet.</p>;
  return (
    <Table
      caption={caption}
      minWidth="min-w-[44rem]"
      rows={entries}
      rowKey={(e) => e.id}
      columns={[
        { header: 'Time', className: 'whitespace-nowrap', cell: (e) => formatUtc(e.at, 'seconds') },
        { header: actorHeading, cell: (e) => e.actor },
        {
          header: 'Operation',
          cell: (e) => (
            <>
              <code>{e.action}</code>
              {e.target ? <div className="text-xs text-slate-600">{e.target}</div> : null}
            </>
          ),
        },
        {
          header: 'Outcome',
          cell: (e) =>
            e.status === null || e.status < 400 ? (
              <span className="text-green-700">{e.status ?? 'ok'}</span>
            ) : (
              <span className="font-semibold text-red-700">{e.status}</span>
            ),
        },
        {
          header: 'Changes',
          cell: (e) => (
            <dl>
              {Object.entries(e.details).map(([key, value]) => (
                <div key={key} className="flex gap-1">
                  <dt className="font-medium">{key}:</dt>
                  <dd className="break-all">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          ),
        },
        { header: 'From', className: 'whitespace-nowrap', cell: (e) => e.ip ?? '' },
      ]}
    />
  );
}

/** Previous / next links that keep the other query parameters. */
export function PageLinks({ page, pageCount, query }: { page: number; pageCount: number; query: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `?${new URLSearchParams({ ...query, page: String(p) })}`;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)}>Previous</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next</Link> : null}
    </nav>
  );
}
