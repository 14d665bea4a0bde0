import type { DiffRow } from '@/lib/wiki/diff-lines';

// Each line says whether it was added or removed in words (the marker's
// accessible name) and by its + or − sign, not by its colour alone.

const MARK = { added: '+', removed: '−', unchanged: ' ' } as const;
const SPOKEN = { added: 'Added', removed: 'Removed', unchanged: 'Unchanged' } as const;
const ROW = { added: 'bg-green-50 text-green-900', removed: 'bg-red-50 text-red-900', unchanged: 'text-slate-700' } as const;

export function DiffTable({ rows, caption }: { rows: DiffRow[]; caption: string }) {
  const added = rows.filter((r) => r.kind === 'added').length;
  const removed = rows.filter((r) => r.kind === 'removed').length;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse font-mono text-sm">
        <caption className="px-3 py-2 text-left font-sans text-slate-700">
          {caption}: {added} {added === 1 ? 'line' : 'lines'} added, {removed} removed
        </caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Line</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className={ROW[row.kind]}>
              <td className="w-6 px-2 align-top select-none">
                <span aria-hidden="true">{MARK[row.kind]}</span>
                <span className="sr-only">{SPOKEN[row.kind]}</span>
              </td>
              <td className="px-2 whitespace-pre-wrap">{row.text || '\u00a0'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
