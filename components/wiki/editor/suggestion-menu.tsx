'use client';

import type { MenuView } from './suggestions';

// The list a trigger opens ("/", "@", "[["), under the caret and inside the
// window on a phone. Focus stays in the text (the editor names the highlighted
// option with aria-activedescendant), so typing goes on narrowing the list.

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

export function SuggestionMenu({ view, listId }: { view: MenuView; listId: string }) {
  const top = (view.rect?.bottom ?? 0) + 4;
  const left = Math.max(8, Math.min(view.rect?.left ?? 0, window.innerWidth - 296));
  return (
    <div className="fixed z-30 w-72 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg" style={{ top, left }}>
      {view.items.length === 0 ? (
        <p className="px-3 py-2 text-slate-600" role="status">
          {view.empty}
        </p>
      ) : (
        <ul id={listId} role="listbox" aria-label={view.title} className="max-h-72 overflow-y-auto">
          {view.items.map((item, index) => (
            <li
              key={item.key}
              id={optionId(listId, index)}
              role="option"
              aria-selected={index === view.active}
              // mousedown, not click: the text must keep focus (and its selection) for the item to land there.
              onMouseDown={(event) => {
                event.preventDefault();
                view.choose(index);
              }}
              className={`cursor-pointer px-3 py-1.5 ${index === view.active ? 'bg-indigo-50 text-indigo-900' : 'text-slate-800'}`}
            >
              <span className="block font-medium">{item.label}</span>
              {item.hint ? <span className="block text-xs text-slate-600">{item.hint}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
