import { Fragment, type ReactNode } from 'react';

// A table that fits a phone. From md: up it is a real <table> (caption, column
// headers, the row's name in a <th scope="row">), scrolling sideways inside a
// focusable region when it is still too wide (axe's scrollable-region-focusable).
// Below md the same rows are cards: a list named like the table, each card
// headed by the row's name, its other cells as "column: value" pairs. Both are
// rendered and CSS shows one: the hidden one is display:none, so neither screen
// readers nor getByRole see it. getByText does, so tests look in the table by role.
// Not a client component, so server pages can pass `cell` functions.

interface Column<Row> {
  /** The column's header cell, and each card's label for the value. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row: a <th scope="row"> in the table, the card's heading. One column at most. */
  rowHeader?: boolean;
  /** For screen readers only (a column of buttons): the header cell is sr-only, and cards show the value without a label, last. */
  hideHeader?: boolean;
  /** Extra classes for the table's cells of this column (e.g. whitespace-nowrap); cards wrap freely. */
  className?: string;
}

interface TableProps<Row> {
  /** The table's caption (for screen readers), the scrolling region's name and the card list's. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** The width under which the table scrolls rather than squeezes, as a Tailwind class. */
  minWidth?: string;
}

export function Table<Row>({ caption, columns, rows, rowKey, minWidth = 'min-w-[40rem]' }: TableProps<Row>) {
  const title = columns.find((c) => c.rowHeader);
  const labelled = columns.filter((c) => !c.rowHeader && !c.hideHeader);
  const trailing = columns.filter((c) => !c.rowHeader && c.hideHeader);
  return (
    <>
      <div className="hidden overflow-x-auto md:block" tabIndex={0} role="region" aria-label={caption}>
        <table className={`w-full text-left text-sm ${minWidth}`}>
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-300 text-slate-600">
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className="py-2 pr-3 last:pr-0">
                  {c.hideHeader ? <span className="sr-only">{c.header}</span> : c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className="border-b border-slate-200 align-top">
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.header} scope="row" className={`py-2 pr-3 font-medium last:pr-0 ${c.className ?? ''}`}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.header} className={`py-2 pr-3 last:pr-0 ${c.className ?? ''}`}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul aria-label={caption} className="space-y-3 md:hidden">
        {rows.map((row) => (
          <li key={rowKey(row)} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            {title ? <p className="mb-1 font-medium break-words">{title.cell(row)}</p> : null}
            <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-3 gap-y-1">
              {labelled.map((c) => (
                <Fragment key={c.header}>
                  <dt className="text-slate-600">{c.header}</dt>
                  <dd className="min-w-0 break-words">{c.cell(row)}</dd>
                </Fragment>
              ))}
            </dl>
            {trailing.map((c) => (
              <div key={c.header} className="mt-2">
                {c.cell(row)}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
