'use client';

import type { ChainedCommands, Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { BLOCKS, type Block } from './blocks';

// The buttons above the text: marks, the common blocks, links, table rows and
// columns when the caret is in a table, and the switch to markdown. Each says
// its shortcut; aria-pressed says what applies where the caret is.

const MARKS = [
  { key: 'bold', label: 'Bold', short: 'B', shortcut: 'Ctrl+B', toggle: (editor: Editor) => editor.chain().focus().toggleBold().run() },
  { key: 'italic', label: 'Italic', short: 'I', shortcut: 'Ctrl+I', toggle: (editor: Editor) => editor.chain().focus().toggleItalic().run() },
  { key: 'strike', label: 'Strikethrough', short: 'S', shortcut: 'Ctrl+Shift+S', toggle: (editor: Editor) => editor.chain().focus().toggleStrike().run() },
  { key: 'code', label: 'Code', short: '<>', shortcut: 'Ctrl+E', toggle: (editor: Editor) => editor.chain().focus().toggleCode().run() },
] as const;

const SHOWN_BLOCKS = ['heading-1', 'heading-2', 'heading-3', 'bullets', 'numbers', 'checklist', 'quote', 'code', 'table', 'callout-note', 'divider'];
const SHORT: Record<string, string> = {
  'heading-1': 'H1',
  'heading-2': 'H2',
  'heading-3': 'H3',
  bullets: '•',
  numbers: '1.',
  checklist: '☑',
  quote: '❝',
  code: '{ }',
  table: '▦',
  'callout-note': 'ⓘ',
  divider: '—',
};

const TABLE_TOOLS: [string, (chain: ChainedCommands) => ChainedCommands][] = [
  ['Add row', (chain) => chain.addRowAfter()],
  ['Add column', (chain) => chain.addColumnAfter()],
  ['Delete row', (chain) => chain.deleteRow()],
  ['Delete column', (chain) => chain.deleteColumn()],
  ['Delete table', (chain) => chain.deleteTable()],
];

const TOOL = 'min-w-8 px-2 font-mono aria-pressed:bg-indigo-100 aria-pressed:text-indigo-900';

function Tool({
  label,
  shortcut,
  pressed,
  onPress,
  children,
}: {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  onPress: () => void;
  children: React.ReactNode;
}) {
  return (
    // The name is the whole word, the glyph only shown (axe: the visible text must be part of an aria-label).
    <Button variant="ghost" size="xs" className={TOOL} title={shortcut ? `${label} (${shortcut})` : label} aria-pressed={pressed} onClick={onPress}>
      <span aria-hidden="true">{children}</span>
      <span className="sr-only">{label}</span>
    </Button>
  );
}

export function Toolbar({ editor, extra }: { editor: Editor; extra?: React.ReactNode }) {
  const blocks = SHOWN_BLOCKS.map((key) => BLOCKS.find((b) => b.key === key)).filter((b): b is Block => !!b);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      marks: Object.fromEntries(MARKS.map((m) => [m.key, e.isActive(m.key)])),
      blocks: Object.fromEntries(blocks.map((b) => [b.key, b.isActive?.(e) ?? false])),
      link: e.isActive('link') ? ((e.getAttributes('link').href as string | undefined) ?? '') : null,
      table: e.isActive('table'),
    }),
  });
  const [linking, setLinking] = useState<string | null>(null);

  const applyLink = (href: string) => {
    const chain = editor.chain().focus().extendMarkRange('link');
    (href.trim() ? chain.setLink({ href: href.trim() }) : chain.unsetLink()).run();
    setLinking(null);
  };

  return (
    <div className="sticky top-0 z-10 rounded-t-md border-b border-slate-200 bg-white">
      <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-0.5 p-1">
        {MARKS.map((mark) => (
          <Tool key={mark.key} label={mark.label} shortcut={mark.shortcut} pressed={state.marks[mark.key]} onPress={() => mark.toggle(editor)}>
            {mark.short}
          </Tool>
        ))}
        <Tool label="Link" pressed={state.link !== null} onPress={() => setLinking(state.link ?? '')}>
          🔗
        </Tool>
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-200" />
        {blocks.map((block) => (
          <Tool
            key={block.key}
            label={block.label}
            shortcut={block.shortcut}
            pressed={block.isActive ? state.blocks[block.key] : undefined}
            onPress={() => block.apply(editor.chain().focus()).run()}
          >
            {SHORT[block.key]}
          </Tool>
        ))}
        {extra}
      </div>
      {state.table ? (
        <div role="toolbar" aria-label="Table" className="flex flex-wrap items-center gap-1 border-t border-slate-100 p-1 text-xs">
          <span className="px-1 text-slate-600">Table:</span>
          {TABLE_TOOLS.map(([label, apply]) => (
            <Button key={label} variant="ghost" size="xs" onClick={() => apply(editor.chain().focus()).run()}>
              {label}
            </Button>
          ))}
        </div>
      ) : null}
      {linking !== null ? (
        // Not a <form>: this sits inside the page's form.
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 p-2 text-sm">
          <label htmlFor="link-address">Link address</label>
          <input
            id="link-address"
            autoFocus
            value={linking}
            onChange={(e) => setLinking(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink(linking);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setLinking(null);
                editor.commands.focus();
              }
            }}
            placeholder="https://… or /wiki/page"
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1"
          />
          <Button size="xs" onClick={() => applyLink(linking)}>
            Apply
          </Button>
          <Button variant="ghost" size="xs" onClick={() => applyLink('')}>
            Remove link
          </Button>
        </div>
      ) : null}
    </div>
  );
}
