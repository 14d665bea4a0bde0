'use client';

import { Link } from '@/components/ui/link';
import type { OrgList, OrgNode } from '@/lib/org/org-node';
import { useChart } from './chart-state';
import { PersonSummary, plural } from './person-summary';

// The chart as an indented list of lists: the view for the keyboard and
// screen readers (a list of reports inside each person's item), and for
// reading a long chain on a narrow screen.

function Reports({ person }: { person: OrgNode }) {
  const chart = useChart();
  const branch = chart.branch(person.id);
  if (!chart.isOpen(person.id)) return null;
  if (!branch || branch.status === 'loading') {
    return (
      <p role="status" className="ml-10 py-2 text-sm text-slate-600">
        Loading the reports of {person.name}…
      </p>
    );
  }
  if (branch.status === 'failed') {
    return (
      <p role="alert" className="ml-10 py-2 text-sm text-red-700">
        Could not load the reports of {person.name}.{' '}
        <button type="button" className="underline" onClick={() => chart.toggle(person.id)}>
          Close
        </button>
      </p>
    );
  }
  return <OrgBranch list={branch.list} label={`Reports of ${person.name}`} manager={person} />;
}

function PersonCard({ person }: { person: OrgNode }) {
  const chart = useChart();
  const focused = person.id === chart.focusId;
  const open = chart.isOpen(person.id);
  return (
    <div
      data-person={person.id}
      aria-current={focused ? 'true' : undefined}
      className={`flex w-72 max-w-[80vw] items-start gap-2 rounded-lg border bg-white p-2 shadow-sm ${focused ? 'border-indigo-600 ring-2 ring-indigo-600' : 'border-slate-200'}`}
    >
      {person.directReports > 0 ? (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? `reports-${person.id}` : undefined}
          aria-label={`Reports of ${person.name}`}
          onClick={() => chart.toggle(person.id)}
          className="mt-1 flex h-7 w-7 shrink-0 items-center justify-center rounded border border-slate-300 text-slate-700 hover:bg-slate-100"
        >
          <span aria-hidden="true">{open ? '−' : '+'}</span>
        </button>
      ) : (
        <span className="h-7 w-7 shrink-0" />
      )}
      <PersonSummary person={person} />
    </div>
  );
}

/** One level of the chart: people in a list, each with their reports below when expanded. */
export function OrgBranch({ list, label, manager }: { list: OrgList; label: string; manager?: OrgNode }) {
  return (
    <ul id={manager ? `reports-${manager.id}` : undefined} aria-label={label} className={manager ? 'ml-5 border-l border-slate-300 pl-5' : ''}>
      {list.people.map((person) => (
        <li key={person.id} className="relative py-1.5">
          <PersonCard person={person} />
          <Reports person={person} />
        </li>
      ))}
      {list.more > 0 ? (
        <li className="py-1.5 text-sm text-slate-600">
          and {plural(list.more, 'other', 'others')}
          {manager ? (
            <>
              {' '}
              (see <Link href={manager.href}>{manager.name}’s profile</Link>)
            </>
          ) : null}
        </li>
      ) : null}
    </ul>
  );
}
