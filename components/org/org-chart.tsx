'use client';

import { useLayoutEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import type { OpenChart } from '@/lib/org/open-chart';
import { ChartProvider, useChartState } from './chart-state';
import { OrgBranch } from './org-branch';
import { useZoomPan } from './use-zoom-pan';

export function OrgChart({ chart }: { chart: OpenChart }) {
  const state = useChartState(chart);
  const viewport = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const { scale, canZoomIn, canZoomOut, zoomIn, zoomOut, reset, panHandlers } = useZoomPan(viewport);

  // Open with the chosen person in sight, near the top left, without scrolling the page itself.
  useLayoutEffect(() => {
    const element = viewport.current;
    const card = content.current?.querySelector<HTMLElement>(`[data-person="${chart.focusId}"]`);
    if (!element || !card) return;
    const [box, at] = [element.getBoundingClientRect(), card.getBoundingClientRect()];
    element.scrollTo(at.left - box.left - 16, at.top - box.top - 64);
  }, [chart.focusId]);

  const percent = Math.round(scale * 100);
  return (
    <ChartProvider value={state}>
      <div className="mb-2 flex flex-wrap items-center gap-2" role="group" aria-label="Zoom">
        <Button variant="secondary" size="sm" onClick={zoomOut} disabled={!canZoomOut} aria-label="Zoom out">
          −
        </Button>
        <output aria-live="polite" aria-label="Zoom level" className="w-14 text-center text-sm tabular-nums">
          {percent}%
        </output>
        <Button variant="secondary" size="sm" onClick={zoomIn} disabled={!canZoomIn} aria-label="Zoom in">
          +
        </Button>
        <Button variant="secondary" size="sm" onClick={reset}>
          Reset view
        </Button>
        <span className="text-xs text-slate-600">Drag or scroll to move; Ctrl + wheel to zoom.</span>
      </div>
      <div
        ref={viewport}
        {...panHandlers}
        className="relative h-[70vh] min-h-80 cursor-grab overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-4 select-none active:cursor-grabbing"
      >
        <div ref={content} data-testid="org-chart-content" style={{ transform: `scale(${scale})`, transformOrigin: '0 0' }} className="w-max">
          <OrgBranch list={chart.roots} label="Org chart" />
        </div>
      </div>
    </ChartProvider>
  );
}
