'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { GO_TO, isTyping, SHORTCUTS } from './keys';

/** "?" shows the shortcuts; "g" then a letter goes to a section. */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    let pendingG = 0;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        if (!dialog.current?.open) dialog.current?.showModal();
      } else if (event.key === 'g') {
        pendingG = Date.now();
      } else if (Date.now() - pendingG < 1_500 && GO_TO[event.key]) {
        pendingG = 0;
        window.location.assign(GO_TO[event.key]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(28rem,calc(100vw-1.5rem))] rounded-lg bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50"
    >
      <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="space-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.does} className="flex justify-between gap-4">
            <dt className="text-slate-700">{s.does}</dt>
            <dd className="flex gap-1">
              {s.keys.map((k) => (
                <kbd key={k} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">
                  {k}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <Button type="submit" variant="secondary" size="sm">
          Close
        </Button>
      </form>
    </dialog>
  );
}
