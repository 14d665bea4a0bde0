'use client';

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { OpenChart } from '@/lib/org/open-chart';
import { chartPng, chartSvg, download } from './chart-export';
import { layoutChart } from './chart-layout';
import { ChartProvider, useChartState } from './chart-state';
import { GraphicalChart } from './graphical-chart';
import { OrgBranch } from './org-branch';
import { useZoomPan } from './use-zoom-pan';

export type ChartViewName = 'chart' | 'list';

/** The width a printed page holds, in CSS pixels: A4 or Letter across (landscape) less the margins. */
const PRINT_WIDTH = 1000;

const fileName = (extension: string) => `org-chart-${new Date().toISOString().slice(0, 10)}.${extension}`;

export function OrgChart({ chart, view: initialView }: { chart: OpenChart; view: ChartViewName }) {
  const state = useChartState(chart);
  const [view, setView] = useState(initialView);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportFailed, setExportFailed] = useState<string | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const { scale, canZoomIn, canZoomOut, zoomIn, zoomOut, reset, panHandlers } = useZoomPan(viewport);
  const layout = useMemo(() => layoutChart(chart.roots, state), [chart.roots, state]);

  // Open with the chosen person in sight, across the middle and near the top, without scrolling the page itself.
  useLayoutEffect(() => {
    const element = viewport.current;
    const card = content.current?.querySelector<HTMLElement>(`[data-person="${chart.focusId}"]`);
    if (!element || !card) return;
    const [box, at] = [element.getBoundingClientRect(), card.getBoundingClientRect()];
    element.scrollTo(element.scrollLeft + at.left - box.left - Math.max(16, (box.width - at.width) / 2), element.scrollTop + at.top - box.top - 64);
  }, [chart.focusId, view]);

  // A printed chart fits the page's width: `zoom` (unlike the screen's scale) shrinks the room it takes too.
  useEffect(() => {
    const fit = () => {
      const width = content.current?.scrollWidth ?? 0;
      content.current?.style.setProperty('--print-zoom', String(width > PRINT_WIDTH ? PRINT_WIDTH / width : 1));
    };
    window.addEventListener('beforeprint', fit);
    return () => window.removeEventListener('beforeprint', fit);
  }, []);

  const show = (next: ChartViewName) => {
    setView(next);
    const url = new URL(window.location.href);
    if (next === 'chart') url.searchParams.delete('view');
    else url.searchParams.set('view', next);
    window.history.replaceState(null, '', url);
  };

  const exportAs = async (kind: 'SVG' | 'PNG') => {
    setExporting(kind);
    setExportFailed(null);
    try {
      const blob = kind === 'SVG' ? new Blob([await chartSvg(layout, chart.focusId)], { type: 'image/svg+xml' }) : await chartPng(layout, chart.focusId);
      download(blob, fileName(kind.toLowerCase()));
    } catch {
      // A canvas the browser will not make (too little memory), most likely: the SVG needs none.
      setExportFailed(
        kind === 'PNG' ? 'The chart could not be drawn as PNG: collapse some people, or download the SVG.' : 'The chart could not be saved as SVG.',
      );
    } finally {
      setExporting(null);
    }
  };

  const percent = Math.round(scale * 100);
  return (
    <ChartProvider value={state}>
      {/* Printed across the page, whatever the screen's orientation. */}
      <style media="print">{'@page { size: landscape; margin: 10mm; }'}</style>
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2 print:hidden">
        <div role="group" aria-label="View" className="flex gap-1">
          {(['chart', 'list'] as const).map((name) => (
            <Button key={name} variant={view === name ? 'primary' : 'secondary'} size="sm" aria-pressed={view === name} onClick={() => show(name)}>
              {name === 'chart' ? 'Chart' : 'List'}
            </Button>
          ))}
        </div>
        <div className="flex items-center gap-2" role="group" aria-label="Zoom">
          <Button variant="secondary" size="sm" onClick={zoomOut} disabled={!canZoomOut} aria-label="Zoom out">
            −
          </Button>
          <output aria-live="polite" aria-label="Zoom level" className="w-12 text-center text-sm tabular-nums">
            {percent}%
          </output>
          <Button variant="secondary" size="sm" onClick={zoomIn} disabled={!canZoomIn} aria-label="Zoom in">
            +
          </Button>
          <Button variant="secondary" size="sm" onClick={reset}>
            Reset view
          </Button>
        </div>
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Export">
          <Button variant="secondary" size="sm" disabled={exporting !== null} onClick={() => void exportAs('PNG')}>
            {exporting === 'PNG' ? 'Drawing PNG…' : 'Download PNG'}
          </Button>
          <Button variant="secondary" size="sm" disabled={exporting !== null} onClick={() => void exportAs('SVG')}>
            {exporting === 'SVG' ? 'Drawing SVG…' : 'Download SVG'}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => window.print()}>
            Print
          </Button>
        </div>
      </div>
      {exportFailed ? (
        <p role="alert" className="mb-2 text-sm text-red-700 print:hidden">
          {exportFailed}
        </p>
      ) : null}
      <p className="mb-2 text-xs text-slate-600 print:hidden">
        Drag or scroll to move; Ctrl + wheel to zoom. The downloads and the print show what is expanded.
      </p>
      <div
        ref={viewport}
        {...panHandlers}
        className="relative h-[70vh] min-h-80 cursor-grab overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-4 select-none active:cursor-grabbing print:h-auto print:overflow-visible print:border-0 print:bg-white print:p-0"
      >
        <div
          ref={content}
          data-testid="org-chart-content"
          style={{ transform: `scale(${scale})`, transformOrigin: '0 0' }}
          className="w-max pb-4 print:![transform:none] print:[zoom:var(--print-zoom,1)]"
        >
          {view === 'chart' ? <GraphicalChart layout={layout} /> : <OrgBranch list={chart.roots} label="Org chart" />}
        </div>
      </div>
    </ChartProvider>
  );
}
