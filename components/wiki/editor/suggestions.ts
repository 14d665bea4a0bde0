import { Extension, type Editor, type Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion from '@tiptap/suggestion';

// What typing a trigger opens: "/" the blocks, "@" people, "[[" pages. Each is
// a TipTap Suggestion plugin whose list is shown by one React menu
// (suggestion-menu.tsx); `MenuBridge` carries its state out of the plugin.

export interface SuggestionItem {
  key: string;
  label: string;
  hint?: string;
  /** Replaces the typed trigger and query (`range`) with what the item stands for. */
  run: (editor: Editor, range: Range) => void;
}

export interface MenuView {
  /** Which list this is, for the listbox's name, e.g. "Blocks". */
  title: string;
  items: SuggestionItem[];
  active: number;
  /** The caret's box, where the list opens. */
  rect: DOMRect | null;
  /** What the list says when it has nothing, e.g. "No one called “zq”". */
  empty: string;
  choose: (index: number) => void;
}

export interface MenuBridge {
  show: (view: MenuView | null) => void;
}

interface SourceOptions {
  name: string;
  title: string;
  char: string;
  items: (query: string) => Promise<SuggestionItem[]> | SuggestionItem[];
  empty: (query: string) => string;
  allowSpaces?: boolean;
}

/** One trigger: its plugin, feeding `bridge` while open and answering the arrow keys, Enter, Tab and Escape. */
export function suggestionSource(options: SourceOptions, bridge: MenuBridge) {
  return Extension.create({
    name: options.name,
    addProseMirrorPlugins() {
      return [
        Suggestion<SuggestionItem, SuggestionItem>({
          editor: this.editor,
          pluginKey: new PluginKey(options.name),
          char: options.char,
          allowSpaces: options.allowSpaces ?? false,
          items: ({ query }) => options.items(query),
          command: ({ editor, range, props }) => props.run(editor, range),
          render: () => {
            let items: SuggestionItem[] = [];
            let active = 0;
            let pick: (item: SuggestionItem) => void = () => undefined;
            let query = '';
            let rect: DOMRect | null = null;
            const publish = () =>
              bridge.show({ title: options.title, items, active, rect, empty: options.empty(query), choose: (index) => items[index] && pick(items[index]) });
            const take = (props: {
              items: SuggestionItem[];
              command: (item: SuggestionItem) => void;
              query: string;
              clientRect?: (() => DOMRect | null) | null;
            }) => {
              items = props.items;
              active = Math.min(active, Math.max(0, items.length - 1));
              pick = props.command;
              query = props.query;
              rect = props.clientRect?.() ?? null;
              publish();
            };
            return {
              onStart: (props) => {
                active = 0;
                take(props);
              },
              onUpdate: take,
              onKeyDown: ({ event }) => {
                if (event.key === 'Escape') {
                  bridge.show(null);
                  return true;
                }
                if (items.length === 0) return false;
                if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
                  publish();
                  return true;
                }
                if (event.key === 'Enter' || event.key === 'Tab') {
                  pick(items[active]);
                  return true;
                }
                return false;
              },
              onExit: () => bridge.show(null),
            };
          },
        }),
      ];
    },
  });
}
