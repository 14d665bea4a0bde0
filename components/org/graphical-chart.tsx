'use client';

import { Link } from '@/components/ui/link';
import { useChart } from './chart-state';
import { linesPath, type ChartCard, type ChartLayout } from './chart-layout';
import { PersonSummary, plural } from './person-summary';

// The chart drawn top-down: cards where chart-layout.ts puts them, the
// connector lines in one SVG beneath. The cards come in reading order (each
// person before their reports), so Tab goes down the chart as it reads; the
// indented list (org-branch.tsx) is the view built for screen readers.

// A card's size is chart-layout.ts's CARD (240 × 92 px), as classes: a chart of hundreds sends each card's style.
const BOX = 'absolute flex h-23 w-60 rounded-lg border bg-white p-2 shadow-sm';
const place = (card: ChartCard) => ({ left: card.x, top: card.y });

function PersonCard({ card }: { card: Extract<ChartCard, { kind: 'person' }> }) {
  const chart = useChart();
  const { person } = card;
  const focused = person.id === chart.focusId;
  const open = chart.isOpen(person.id);
  return (
    <div
      data-person={person.id}
      data-parent={card.parentId ?? undefined}
      aria-current={focused ? 'true' : undefined}
      style={place(card)}
      className={`${BOX} items-start gap-2 ${focused ? 'border-indigo-600 ring-2 ring-indigo-600' : 'border-slate-200'}`}
    >
      <PersonSummary person={person} />
      {person.directReports > 0 ? (
        // The pill shows the count; the button over it is named for the person alone, as in the list
        // view, and holds no visible text of its own that its name would have to repeat (WCAG 2.5.3).
        <div className="org-pill">
          <span aria-hidden="true">{`${open ? '−' : '+'} ${person.directReports.toLocaleString('en')}`}</span>
          <button type="button" aria-expanded={open} aria-label={`Reports of ${person.name}`} onClick={() => chart.toggle(person.id)} />
        </div>
      ) : null}
    </div>
  );
}

function OtherCard({ card }: { card: Exclude<ChartCard, { kind: 'person' }> }) {
  const chart = useChart();
  if (card.kind === 'more') {
    return (
      <div style={place(card)} className={`${BOX} flex-col justify-center border-dashed border-slate-300 text-sm text-slate-700`}>
        <p>and {plural(card.more, 'other', 'others')}</p>
        {card.manager ? (
          <Link href={card.manager.href} className="truncate">
            See {card.manager.name}’s profile
          </Link>
        ) : null}
      </div>
    );
  }
  if (card.kind === 'loading') {
    return (
      <p role="status" style={place(card)} className={`${BOX} items-center border-dashed border-slate-300 text-sm text-slate-600`}>
        Loading the reports of {card.manager.name}…
      </p>
    );
  }
  return (
    <p role="alert" style={place(card)} className={`${BOX} flex-col justify-center border-red-300 text-sm text-red-700`}>
      Could not load the reports of {card.manager.name}.{' '}
      <button type="button" className="self-start underline" onClick={() => chart.toggle(card.manager.id)}>
        Close
      </button>
    </p>
  );
}

export function GraphicalChart({ layout }: { layout: ChartLayout }) {
  return (
    <div className="relative" style={{ width: layout.width, height: layout.height }} data-chart="graphical">
      <svg aria-hidden="true" width={layout.width} height={layout.height} className="absolute inset-0 text-slate-400">
        <path d={linesPath(layout.lines)} fill="none" stroke="currentColor" strokeWidth={1.5} />
      </svg>
      {layout.cards.map((card) =>
        card.kind === 'person' ? (
          <PersonCard key={`${card.parentId}-${card.person.id}`} card={card} />
        ) : (
          <OtherCard key={`${card.kind}-${card.manager?.id ?? 'top'}`} card={card} />
        ),
      )}
    </div>
  );
}
