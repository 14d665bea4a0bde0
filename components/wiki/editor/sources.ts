import type { SearchKind, SearchResults } from '@/lib/search/search-everything';
import { BLOCKS, matchingBlocks } from './blocks';
import { suggestionSource, type MenuBridge, type SuggestionItem } from './suggestions';

// The three lists behind "/", "@" and "[[". People and pages come from the
// search API the search box uses, so they find the same (misspelt names too).

async function search<K extends 'people' | 'pages'>(kind: K & SearchKind, query: string): Promise<SearchResults[K]> {
  if (!query.trim()) return [];
  const params = new URLSearchParams({ q: query, kind, limit: '8' });
  const response = await fetch(`/api/search?${params}`, { headers: { accept: 'application/json' } });
  // The list says "nothing found"; the editor itself must not fail over a suggestion.
  if (!response.ok) return [];
  return ((await response.json()) as SearchResults)[kind];
}

/** A mention is a link to the profile (/people/<id>) whose text is "@Name": what "Pages that mention them" reads. */
const mentionItem = (person: SearchResults['people'][number]): SuggestionItem => ({
  key: person.id,
  label: person.name,
  hint: [person.title, person.department].filter(Boolean).join(' · ') || undefined,
  run: (editor, range) =>
    editor
      .chain()
      .focus()
      .insertContentAt(range, [
        { type: 'text', text: `@${person.name}`, marks: [{ type: 'link', attrs: { href: `/people/${person.id}` } }] },
        { type: 'text', text: ' ' },
      ])
      .run(),
});

const pageItem = (page: SearchResults['pages'][number]): SuggestionItem => ({
  key: page.slug,
  label: page.title,
  hint: page.href,
  run: (editor, range) =>
    editor
      .chain()
      .focus()
      .insertContentAt(range, [
        { type: 'text', text: page.title, marks: [{ type: 'link', attrs: { href: page.href } }] },
        { type: 'text', text: ' ' },
      ])
      .run(),
});

export function editorSources(bridge: MenuBridge) {
  return [
    suggestionSource(
      {
        name: 'blockMenu',
        title: 'Blocks',
        char: '/',
        items: (query) =>
          matchingBlocks(query, BLOCKS).map((block) => ({
            key: block.key,
            label: block.label,
            hint: block.shortcut ? `${block.hint} · ${block.shortcut}` : block.hint,
            run: (editor, range) => block.apply(editor.chain().focus().deleteRange(range)).run(),
          })),
        empty: (query) => `No block called “${query}”`,
      },
      bridge,
    ),
    suggestionSource(
      {
        name: 'mentionMenu',
        title: 'People',
        char: '@',
        allowSpaces: true,
        items: async (query) => (await search('people', query)).map(mentionItem),
        empty: (query) => (query.trim() ? `No one called “${query}”` : 'Type a name'),
      },
      bridge,
    ),
    suggestionSource(
      {
        name: 'pageLinkMenu',
        title: 'Pages',
        char: '[[',
        allowSpaces: true,
        items: async (query) => (await search('pages', query)).map(pageItem),
        empty: (query) => (query.trim() ? `No page called “${query}”` : 'Type a page title'),
      },
      bridge,
    ),
  ];
}
