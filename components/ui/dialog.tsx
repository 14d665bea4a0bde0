'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the
 * page inert, so focus stays inside, and Escape closes it. It is open while
 * it is rendered: the parent shows it by rendering it and closes it in
 * onClose. Focus goes back to whatever opened it.
 *
 * On a phone it keeps a margin all round and never outgrows the screen: the
 * title bar stays put and the body scrolls (dvh, so the on-screen keyboard
 * counts). The button that opens it says aria-haspopup="dialog": screen
 * readers announce it, and e2e/shell/phone-width.spec.ts opens every such
 * button at phone width to check that its dialog fits.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Set while this component closes the dialog itself (unmounting), so that its close event is not taken for the browser's.
  const closing = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closing.current = false;
    dialog?.showModal();
    return () => {
      closing.current = true;
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // Chrome may close a dialog without a cancelable cancel event (Escape pressed again with no click in
      // between): the parent must still hear of it, or it would keep rendering a closed dialog it cannot reopen.
      onClose={(event) => {
        if (!closing.current && !event.currentTarget.open) onClose();
      }}
      className="m-auto max-h-[calc(100dvh-1.5rem)] w-[min(42rem,calc(100vw-1.5rem))] max-w-[calc(100vw-1.5rem)] flex-col rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50 open:flex"
    >
      <div className="flex shrink-0 items-start justify-between gap-4 border-b border-slate-200 px-4 py-3 sm:px-5">
        <h2 id={titleId} className="min-w-0 text-lg font-semibold break-words">
          {title}
        </h2>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-4 py-4 sm:px-5">{children}</div>
    </dialog>
  );
}
