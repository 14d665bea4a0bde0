'use client';

import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

// Zoom is a CSS scale on the chart's content (origin top left, so the
// scrollable area grows with it); panning is the viewport's own scrolling, so
// that keyboard focus, find-in-page and touch scrolling reach every person.
// Ctrl+wheel (and a trackpad's pinch, which Chromium reports as ctrl+wheel)
// zooms about the pointer; a mouse drag that starts off a link or button pans.

const MIN_SCALE = 0.4;
const MAX_SCALE = 2;
const STEP = 1.25;

const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export function useZoomPan(viewport: RefObject<HTMLElement | null>) {
  const [scale, setScale] = useState(1);
  /** The viewport point to keep in place across the next zoom, and the zoom's ratio. */
  const anchor = useRef<{ x: number; y: number; ratio: number } | null>(null);
  const drag = useRef<{ pointerId: number; x: number; y: number; left: number; top: number } | null>(null);

  /** Zooms by `factor` keeping the viewport point (x, y) where it is; the middle by default. */
  const zoomBy = (factor: number, x?: number, y?: number) => {
    const element = viewport.current;
    const next = clamp(scale * factor);
    if (!element || next === scale) return;
    anchor.current = { x: x ?? element.clientWidth / 2, y: y ?? element.clientHeight / 2, ratio: next / scale };
    setScale(next);
  };

  useLayoutEffect(() => {
    const element = viewport.current;
    const a = anchor.current;
    if (!element || !a) return;
    anchor.current = null;
    element.scrollTo((element.scrollLeft + a.x) * a.ratio - a.x, (element.scrollTop + a.y) * a.ratio - a.y);
  }, [scale, viewport]);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    // React's wheel listener is passive; only a native one may stop the browser zooming the whole page.
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoomBy(Math.exp(-event.deltaY / 300), event.clientX - box.left, event.clientY - box.top);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  });

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    // Touch scrolls natively; a mouse drags.
    if (event.pointerType !== 'mouse' || event.button !== 0 || (event.target as Element).closest('a, button, input')) return;
    const element = event.currentTarget;
    element.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, left: element.scrollLeft, top: element.scrollTop };
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    event.currentTarget.scrollTo(d.left - (event.clientX - d.x), d.top - (event.clientY - d.y));
  };
  const onPointerEnd = (event: ReactPointerEvent<HTMLElement>) => {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  };

  return {
    scale,
    canZoomIn: scale < MAX_SCALE,
    canZoomOut: scale > MIN_SCALE,
    zoomIn: () => zoomBy(STEP),
    zoomOut: () => zoomBy(1 / STEP),
    reset: () => {
      setScale(1);
      viewport.current?.scrollTo(0, 0);
    },
    panHandlers: { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd },
  };
}
