'use client';

import { useEffect, useId, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { Link } from './link';

// A disclosure menu (the avatar menu): a button that shows and hides a panel
// of links and buttons. Not role="menu": that promises arrow-key navigation,
// and a few links read best as links, reached with Tab. It closes on Escape
// (focus back on the button), on a press anywhere outside, when focus leaves
// it, and when one of its links is followed: next/link moves without
// reloading the header the menu lives in. Until the page has hydrated, the
// button does nothing (a test clicking it must wait, see e2e/support/sign-in.ts).

const ITEM = 'block w-full px-3 py-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600';

interface MenuProps {
  /** What the button shows; its text is the button's name. */
  trigger: ReactNode;
  triggerClassName?: string;
  /** Where the panel sits and how wide it is. */
  panelClassName?: string;
  /** Told when the panel opens (the bell loads its list then). */
  onOpen?: () => void;
  children: ReactNode;
}

export function Menu({ trigger, triggerClassName, panelClassName = 'right-0 w-48', onOpen, children }: MenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape in a dialog or a field elsewhere is theirs. On the page itself it is ours:
      // Safari does not focus a button it clicks, so focus may still be on <body>.
      const target = event.target as Node;
      if (target !== document.body && !root.current?.contains(target)) return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onBlur={(event) => {
        // Tabbing past the last item closes it. Without a relatedTarget (a click on nothing focusable,
        // the window losing focus) the pointerdown above decides: closing here would take the panel
        // away before the click landed on an item in browsers that do not focus what is clicked.
        const next = event.relatedTarget;
        if (next instanceof Node && !event.currentTarget.contains(next)) setOpen(false);
      }}
      onClick={(event) => {
        const link = event.target instanceof Element ? event.target.closest('a') : null;
        if (link && panel.current?.contains(link)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
        className={triggerClassName}
      >
        {trigger}
      </button>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        className={`absolute z-10 mt-1 rounded-md border border-slate-200 bg-white py-1 shadow-lg ${panelClassName}`}
      >
        {children}
      </div>
    </div>
  );
}

/** A link in a Menu's panel. */
export function MenuLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} variant="plain" className={ITEM}>
      {children}
    </Link>
  );
}

/** A button in a Menu's panel: type="submit" in a form (Sign out posts to /logout), else an onClick from a client component. */
export function MenuButton({ type = 'button', className, ...props }: ComponentProps<'button'>) {
  return <button type={type} className={className ? `${ITEM} ${className}` : ITEM} {...props} />;
}
