import type { LogEntry } from '@/lib/admin/log-entry';
import { formatUtc } from '@/lib/format-time';

/** Log entries with each change's attributes (before → after). */
export function LogTable({ entries, caption, actorHeading }: { entries: LogEntry[]; caption: string; actorHeading: string }) {
  if (entries.length === 0) return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">Nothing here yet.</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Time
            </th>
            <th scope="col" className="py-2 pr-3">
              {actorHeading}
            </th>
            <th scope="col" className="py-2 pr-3">
              Operation
            </th>
            <th scope="col" className="py-2 pr-3">
              Outcome
            </th>
            <th scope="col" className="py-2 pr-3">
              Changes
            </th>
            <th scope="col" className="py-2">
              From
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{formatUtc(e.at, 'seconds')}</td>
              <td className="py-2 pr-3">{e.actor}</td>
              <td className="py-2 pr-3">
                <code>{e.action}</code>
                {e.target ? <div className="text-xs text-slate-600">{e.target}</div> : null}
              </td>
              <td className="py-2 pr-3">
                {e.status === null || e.status < 400 ? (
                  <span className="text-green-700">{e.status ?? 'ok'}</span>
                ) : (
                  <span className="font-semibold text-red-700">{e.status}</span>
                )}
              </td>
              <td className="py-2 pr-3">
                <dl>
                  {Object.entries(e.details).map(([key, value]) => (
                    <div key={key} className="flex gap-1">
                      <dt className="font-medium">{key}:</dt>
                      <dd className="break-all">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                    </div>
                  ))}
                </dl>
              </td>
              <td className="py-2 whitespace-nowrap">{e.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next links that keep the other query parameters. */
export function PageLinks({ page, pageCount, query }: { page: number; pageCount: number; query: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `?${new URLSearchParams({ ...query, page: String(p) })}`;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <a href={href(page - 1)} className="text-indigo-700 underline">
          Previous
        </a>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a href={href(page + 1)} className="text-indigo-700 underline">
          Next
        </a>
      ) : null}
    </nav>
  );
}
