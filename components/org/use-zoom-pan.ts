'use client';

import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

// Zoom and pan as one CSS transform on the chart's content: the browser moves
// pixels, React re-renders nothing but the style. Ctrl+wheel (and a trackpad's
// pinch, which Chromium reports as ctrl+wheel) zooms about the pointer; a drag
// that starts off a link or button pans.

export const MIN_SCALE = 0.4;
export const MAX_SCALE = 2;
const STEP = 1.25;

export interface View {
  scale: number;
  x: number;
  y: number;
}

const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The view zoomed to `scale` with the point (px, py) of the viewport kept where it is. */
function zoomAbout(view: View, scale: number, px: number, py: number): View {
  const next = clamp(scale);
  const ratio = next / view.scale;
  return { scale: next, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

export function useZoomPan(viewport: RefObject<HTMLElement | null>) {
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const drag = useRef<{ pointerId: number; startX: number; startY: number; from: View } | null>(null);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    // React's wheel listener is passive; only a native one may stop the page from zooming.
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      setView((v) => zoomAbout(v, v.scale * Math.exp(-event.deltaY / 300), event.clientX - box.left, event.clientY - box.top));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [viewport]);

  /** Zooms about the middle of the viewport. */
  const zoomBy = (factor: number) => {
    const box = viewport.current?.getBoundingClientRect();
    setView((v) => zoomAbout(v, v.scale * factor, (box?.width ?? 0) / 2, (box?.height ?? 0) / 2));
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (event.button !== 0 || (event.target as Element).closest('a, button, input')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, from: view };
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    setView({ ...d.from, x: d.from.x + event.clientX - d.startX, y: d.from.y + event.clientY - d.startY });
  };
  const onPointerEnd = (event: ReactPointerEvent<HTMLElement>) => {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  };

  return {
    view,
    setView,
    zoomIn: () => zoomBy(STEP),
    zoomOut: () => zoomBy(1 / STEP),
    reset: () => setView({ scale: 1, x: 0, y: 0 }),
    panHandlers: { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd },
  };
}
