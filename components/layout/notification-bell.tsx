'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useEffectEvent, useState, useTransition } from 'react';
import { Menu, MenuButton, MenuLink } from '@/components/ui/menu';
import type { ActionResult } from '@/lib/action-result';
import { formatRelative, formatUtc } from '@/lib/format-time';
import type { Inbox } from '@/lib/notifications/inbox';

// The bell in the header: how many notifications are unread, and when opened
// the latest twenty (loaded then, so they are current whatever page the header
// came with), "Mark all as read", and the opt-in to a daily email digest.

export interface BellActions {
  markAllRead: () => Promise<ActionResult>;
  setDigest: (on: boolean) => Promise<ActionResult>;
}

type Loaded = Omit<Inbox, 'items'> & { items: (Omit<Inbox['items'][number], 'createdAt'> & { createdAt: string })[] };

async function fetchInbox(): Promise<Loaded> {
  const response = await fetch('/api/notifications', { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Loaded;
}

export function NotificationBell({ unread: initialUnread, actions }: { unread: number; actions: BellActions }) {
  const [inbox, setInbox] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, start] = useTransition();
  const unread = inbox?.unread ?? initialUnread;

  const load = async () => {
    try {
      setInbox(await fetchInbox());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  // Opening a page marks what the bell said about it read, while the page
  // renders; the header may have counted before that (a layout renders beside
  // its page) and a client navigation keeps the old header. So once the page is
  // here, a bell that still shows unread asks again.
  const pathname = usePathname();
  const showsUnread = useEffectEvent(() => unread > 0);
  useEffect(() => {
    if (!showsUnread()) return;
    let current = true;
    // A recount that fails leaves the count as it was.
    fetchInbox().then(
      (loaded) => current && setInbox(loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [pathname]);

  return (
    <div className="text-sm">
      <Menu
        onOpen={() => void load()}
        panelClassName="-right-12 w-[min(22rem,calc(100vw-2rem))] sm:right-0"
        triggerClassName="relative flex h-8 w-8 items-center justify-center rounded-md hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        trigger={
          <>
            <svg
              aria-hidden="true"
              width="18"
              height="18"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
            {unread > 0 ? (
              <span
                aria-hidden="true"
                className="absolute -top-1 -right-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[11px] leading-4 font-semibold text-white"
              >
                {unread > 99 ? '99+' : unread}
              </span>
            ) : null}
            <span className="sr-only">{unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}</span>
          </>
        }
      >
        <section aria-label="Notifications">
          <h2 className="px-3 py-1 font-semibold">Notifications</h2>
          {failed ? <p className="px-3 py-2 text-red-700">Could not load your notifications. Open the bell again to retry.</p> : null}
          {!inbox && !failed ? <p className="px-3 py-2 text-slate-600">Loading…</p> : null}
          {inbox && inbox.items.length === 0 ? (
            <p className="px-3 py-2 text-slate-600">Nothing yet. You hear here when someone mentions you, changes a page you own, or makes you its owner.</p>
          ) : null}
          {inbox && inbox.items.length > 0 ? (
            <ul className="max-h-80 overflow-y-auto">
              {inbox.items.map((item) => (
                <li key={item.id} className={item.read ? 'text-slate-600' : 'font-medium'}>
                  <MenuLink href={item.href}>
                    <span className="block break-words">
                      {item.read ? null : <span className="mr-1 inline-block size-2 rounded-full bg-indigo-600" aria-label="Unread" role="img" />}
                      {item.sentence}
                    </span>
                    <time dateTime={item.createdAt} title={formatUtc(new Date(item.createdAt), 'seconds')} className="block text-xs font-normal text-slate-500">
                      {formatRelative(new Date(item.createdAt))}
                    </time>
                  </MenuLink>
                </li>
              ))}
            </ul>
          ) : null}
          {inbox ? (
            <div className="mt-1 border-t border-slate-200 pt-1">
              {inbox.unread > 0 ? (
                <MenuButton disabled={pending} onClick={() => start(async () => void ((await actions.markAllRead()).ok && (await load())))}>
                  Mark all as read
                </MenuButton>
              ) : null}
              <label className="flex items-center gap-2 px-3 py-2">
                <input
                  type="checkbox"
                  checked={inbox.digest}
                  disabled={pending}
                  onChange={(event) => {
                    // Shown at once; put back if the server refuses.
                    const on = event.currentTarget.checked;
                    setInbox({ ...inbox, digest: on });
                    start(async () => {
                      if (!(await actions.setDigest(on)).ok) setInbox((now) => now && { ...now, digest: !on });
                    });
                  }}
                />
                Email me a daily digest
              </label>
            </div>
          ) : null}
        </section>
      </Menu>
    </div>
  );
}
