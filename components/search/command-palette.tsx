'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from '@/components/ui/link';
import type { SearchResults } from '@/lib/search/search-everything';
import { isTyping } from './keys';
import { useSearch } from './use-search';

// The search box everywhere: Ctrl+K (or ⌘K, or /) opens it; it suggests people,
// teams and pages as one types; arrows move, Enter opens, Escape closes. It is
// a combobox over a grouped listbox, so screen readers follow the active option.

interface Option {
  id: string;
  href: string;
  label: string;
  detail: string;
}

const KINDS = [
  { key: 'people', label: 'People' },
  { key: 'teams', label: 'Teams' },
  { key: 'pages', label: 'Pages' },
] as const;

function toOptions(results: SearchResults): Record<(typeof KINDS)[number]['key'], Option[]> {
  return {
    people: results.people.map((p) => ({ id: `person-${p.id}`, href: p.href, label: p.name, detail: [p.title, p.department].filter(Boolean).join(' · ') })),
    teams: results.teams.map((t) => ({ id: `team-${t.id}`, href: t.href, label: t.name, detail: `${t.memberCount} members` })),
    pages: results.pages.map((p) => ({ id: `page-${p.slug}`, href: p.href, label: p.title, detail: p.snippet })),
  };
}

export function CommandPalette() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useSearch(query, { limit: 5, debounceMs: 120 });
  const shown = search.state === 'done' ? search.results : search.state === 'loading' ? search.previous : null;
  const groups = shown ? toOptions(shown) : null;
  const failed = search.state === 'failed' ? search.message : null;
  const options = groups ? KINDS.flatMap((k) => groups[k.key]) : [];

  const open = useCallback(() => {
    if (dialog.current?.open) return;
    dialog.current?.showModal();
    input.current?.select();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        open();
      } else if (event.key === '/' && !isTyping(event) && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const go = (href: string) => window.location.assign(href);
  const onInputKey = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = options[active];
      if (chosen) go(chosen.href);
      else if (query.trim()) go(`/search?q=${encodeURIComponent(query.trim())}`);
    } else if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      // A search field's own Escape only clears its text; the footer promises that one Escape closes.
      // Not while an input method is composing: there Escape cancels the composition.
      event.preventDefault();
      dialog.current?.close();
    }
  };

  // Each kind's first position in `options`, so that arrows move across the groups.
  const firsts = KINDS.map((_, i) => KINDS.slice(0, i).reduce((sum, k) => sum + (groups?.[k.key].length ?? 0), 0));
  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-haspopup="dialog"
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-600 hover:bg-slate-100"
        aria-keyshortcuts="Control+K"
      >
        {/* The name is the visible text and then what is searched, so that it holds all the visible text (WCAG 2.5.3). */}
        <span>Search</span> <kbd className="hidden rounded border border-slate-300 px-1 text-xs sm:inline">Ctrl K</kbd>{' '}
        <span className="sr-only">people, teams and pages</span>
      </button>
      <dialog
        ref={dialog}
        aria-label="Search"
        className="mx-auto mt-[12vh] w-[min(40rem,calc(100vw-1.5rem))] rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50"
        onClick={(event) => event.target === dialog.current && dialog.current?.close()}
      >
        <div className="border-b border-slate-200 p-3">
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-label="Search people, teams and pages"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options[active] ? `${listId}-${options[active].id}` : undefined}
            value={query}
            maxLength={200}
            autoComplete="off"
            placeholder="Search people, teams and pages…"
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onInputKey}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
          />
        </div>
        <div className="p-2">
          {groups && options.length ? (
            <div id={listId} role="listbox" aria-label="Suggestions">
              {KINDS.map((k, kindIndex) => ({ ...k, first: firsts[kindIndex] }))
                .filter((k) => groups[k.key].length)
                .map((k) => (
                  <div key={k.key} role="group" aria-labelledby={`${listId}-${k.key}`}>
                    <p id={`${listId}-${k.key}`} className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                      {k.label}
                    </p>
                    {groups[k.key].map((option, i) => {
                      const position = k.first + i;
                      const selected = position === active;
                      return (
                        <div
                          key={option.id}
                          id={`${listId}-${option.id}`}
                          role="option"
                          aria-selected={selected}
                          onMouseEnter={() => setActive(position)}
                          onClick={() => go(option.href)}
                          className={`cursor-pointer rounded-md px-2 py-1.5 ${selected ? 'bg-indigo-600 text-on-accent' : ''}`}
                        >
                          <span className="block font-medium">{option.label}</span>
                          {option.detail ? <span className={`block truncate text-sm ${selected ? '' : 'text-slate-600'}`}>{option.detail}</span> : null}
                        </div>
                      );
                    })}
                  </div>
                ))}
            </div>
          ) : null}
          <p role="status" className="px-2 py-2 text-sm text-slate-600">
            {failed ??
              (search.state === 'idle'
                ? 'Type a name, a team or a page title.'
                : search.state === 'done' && options.length === 0
                  ? `Nothing matches “${query.trim()}”.`
                  : !groups
                    ? 'Searching…'
                    : null)}
          </p>
        </div>
        <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600">
          <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
          {query.trim() ? (
            <>
              {' · '}
              {/* A full page load, as Enter does: a client-side move would leave this dialog open over the results. */}
              <Link href={`/search?q=${encodeURIComponent(query.trim())}`} reload>
                All results
              </Link>
            </>
          ) : null}
        </p>
      </dialog>
    </>
  );
}
