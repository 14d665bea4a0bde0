'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useSearch, type PersonHit } from '@/components/search/use-search';

// The markdown textarea with an @-picker: typing "@" and a few letters lists
// matching people below; arrow keys move, Enter or Tab inserts
// "[@Name](/people/<id>)", Escape closes. The textarea keeps focus throughout
// (aria-activedescendant names the highlighted person), so typing goes on as usual.

/** "@" and the letters typed since, at the caret; after a space, bracket or line start only (not in e-mail addresses). */
const AT_QUERY = /(?:^|[\s(])@([\p{L}\p{N}._'-]{1,40})$/u;

const POPUP = 'absolute right-0 left-0 z-10 mt-1 rounded-md border border-slate-200 bg-white shadow-lg';

/** A name inside a markdown link's brackets, with its own brackets escaped. */
const linkText = (name: string) => name.replace(/[[\]\\]/g, '\\$&');

export function MentionTextarea({
  id,
  label,
  value,
  onChange,
  describedBy,
  rows = 18,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  describedBy: string;
  rows?: number;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ text: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const search = useSearch(query?.text ?? null, { kind: 'people', limit: 8 });
  const listId = useId();
  const people = search.state === 'done' ? search.results.people : [];
  const open = query !== null && search.state !== 'idle';

  function detect(textarea: HTMLTextAreaElement) {
    const caret = textarea.selectionStart;
    const match = AT_QUERY.exec(textarea.value.slice(0, caret));
    setQuery(match ? { text: match[1], start: caret - match[1].length - 1 } : null);
    setActive(0);
  }

  function choose(person: PersonHit) {
    const textarea = ref.current;
    if (!textarea || !query) return;
    const link = `[@${linkText(person.name)}](/people/${person.id})`;
    const caret = query.start + link.length;
    onChange(value.slice(0, query.start) + link + value.slice(textarea.selectionStart));
    setQuery(null);
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(caret, caret);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setQuery(null);
    } else if (people.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((active + (event.key === 'ArrowDown' ? 1 : people.length - 1)) % people.length);
    } else if (people.length > 0 && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      choose(people[Math.min(active, people.length - 1)]);
    }
  }

  const status =
    search.state === 'loading'
      ? 'Searching people…'
      : search.state === 'failed'
        ? search.message
        : search.state === 'done' && people.length === 0
          ? `Nobody matches “${query?.text}”.`
          : search.state === 'done'
            ? `${people.length} ${people.length === 1 ? 'person matches' : 'people match'}: arrow keys to choose, Enter to insert, Escape to close.`
            : '';

  return (
    <div className="relative">
      <textarea
        ref={ref}
        id={id}
        aria-label={label}
        value={value}
        rows={rows}
        aria-describedby={describedBy}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={open && people.length > 0 ? `${listId}-${Math.min(active, people.length - 1)}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          detect(event.target);
        }}
        onKeyDown={onKeyDown}
        onClick={(event) => detect(event.currentTarget)}
        onBlur={() => setQuery(null)}
        className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
      />
      {/* One live region: read out while the list is open, and shown as the message when nobody matches or search fails. */}
      <p aria-live="polite" className={open && people.length === 0 ? `${POPUP} px-3 py-2 text-sm text-slate-700` : 'sr-only'}>
        {open ? status : ''}
      </p>
      <div hidden={!open || people.length === 0} className={`${POPUP} max-h-72 overflow-y-auto py-1`}>
        <ul id={listId} role="listbox" aria-label="People to mention">
          {people.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // mousedown, not click: the textarea must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
              className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-indigo-50' : ''}`}
            >
              <span className="font-medium">{person.name}</span>
              {person.title || person.department ? (
                <span className="text-slate-600"> · {[person.title, person.department].filter(Boolean).join(', ')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
