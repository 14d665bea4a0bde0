'use client';

import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { OpenChart } from '@/lib/org/open-chart';
import type { OrgList } from '@/lib/org/org-node';

// Which people are expanded, and their reports as loaded so far. Reports are
// fetched the first time a person is expanded and kept for collapsing and
// expanding again; nothing else of the tree is ever loaded.

export type Branch = { status: 'loaded'; list: OrgList } | { status: 'loading' } | { status: 'failed' };

export interface ChartState {
  focusId: string;
  isOpen(id: string): boolean;
  branch(id: string): Branch | undefined;
  toggle(id: string): void;
}

const ChartContext = createContext<ChartState | null>(null);
export const ChartProvider = ChartContext.Provider;

export function useChart(): ChartState {
  const state = useContext(ChartContext);
  if (!state) throw new Error('useChart outside an OrgChart');
  return state;
}

async function fetchReports(id: string): Promise<OrgList> {
  const response = await fetch(`/api/org/${encodeURIComponent(id)}/reports`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`reports of ${id}: HTTP ${response.status}`);
  return (await response.json()) as OrgList;
}

export function useChartState(chart: OpenChart): ChartState {
  const [open, setOpen] = useState(() => new Set(chart.path));
  const [branches, setBranches] = useState<Record<string, Branch>>(() =>
    Object.fromEntries(Object.entries(chart.reports).map(([id, list]) => [id, { status: 'loaded', list }])),
  );

  const load = useCallback((id: string) => {
    setBranches((b) => ({ ...b, [id]: { status: 'loading' } }));
    fetchReports(id).then(
      (list) => setBranches((b) => ({ ...b, [id]: { status: 'loaded', list } })),
      () => setBranches((b) => ({ ...b, [id]: { status: 'failed' } })),
    );
  }, []);

  const toggle = useCallback(
    (id: string) => {
      const opening = !open.has(id);
      setOpen((current) => {
        const next = new Set(current);
        if (opening) next.add(id);
        else next.delete(id);
        return next;
      });
      const known = branches[id];
      if (opening && (!known || known.status === 'failed')) load(id);
    },
    [open, branches, load],
  );

  // A new state only when something changed: the graphical chart lays itself out again from it.
  return useMemo<ChartState>(
    () => ({ focusId: chart.focusId, isOpen: (id) => open.has(id), branch: (id) => branches[id], toggle }),
    [chart.focusId, open, branches, toggle],
  );
}
