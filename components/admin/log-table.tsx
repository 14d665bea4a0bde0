import { Link } from '@/components/ui/link';
import { Table } from '@/components/ui/table';
import { When } from '@/components/ui/when';
import type { LogEntry } from '@/lib/admin/log-entry';

/** Succeeded in green, Failed (with the status in words) in red: the one vocabulary of both logs. */
function OutcomeBadge({ outcome }: { outcome: LogEntry['outcome'] }) {
  const tone = outcome.ok ? 'border-green-200 bg-green-50 text-green-800' : 'border-red-200 bg-red-50 text-red-800';
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tone}`}>{outcome.label}</span>;
}

/**
 * Log entries as sentences, each change's attributes (before → after) beside
 * them: a table on a wide screen, cards on a phone. `via`: the heading of a
 * column naming the recorded actor (the token, on the provisioning log); the
 * audit log's sentences already name who did it.
 */
export function LogTable({ entries, caption, via }: { entries: LogEntry[]; caption: string; via?: string }) {
  if (entries.length === 0) return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">Nothing here yet.</p>;
  return (
    <Table
      caption={caption}
      minWidth="min-w-[44rem]"
      rows={entries}
      rowKey={(e) => e.id}
      columns={[
        { header: 'When', className: 'whitespace-nowrap', cell: (e) => <When date={e.at} /> },
        { header: 'What happened', rowHeader: true, cell: (e) => <span title={e.action}>{e.sentence}</span> },
        { header: 'Outcome', cell: (e) => <OutcomeBadge outcome={e.outcome} /> },
        {
          header: 'Changes',
          cell: (e) => (
            <dl>
              {Object.entries(e.details).map(([key, value]) => (
                <div key={key} className="flex gap-1">
                  <dt className="font-medium">{key}:</dt>
                  {/* break-words, not break-all: a long value wraps between words, and only a word wider than the column is cut. */}
                  <dd className="min-w-0 break-words">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          ),
        },
        ...(via ? [{ header: via, cell: (e: LogEntry) => e.actor }] : []),
        { header: 'From', cell: (e) => <span title={e.ip ?? undefined}>{e.address ?? ''}</span> },
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
