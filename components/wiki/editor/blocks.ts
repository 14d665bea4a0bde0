import type { ChainedCommands, Editor } from '@tiptap/core';
import type { CalloutKind } from '@/lib/wiki/markdown/callout';

// The blocks a page is made of, once: the slash menu lists them, the toolbar
// shows the common ones, and the shortcuts are TipTap's own (listed here so
// the menu can say them).

export interface Block {
  key: string;
  label: string;
  hint: string;
  /** Other words people type for it after "/". */
  aliases: string[];
  shortcut?: string;
  apply: (chain: ChainedCommands) => ChainedCommands;
  isActive?: (editor: Editor) => boolean;
}

const callout = (kind: CalloutKind, label: string, hint: string, aliases: string[]): Block => ({
  key: `callout-${kind}`,
  label,
  hint,
  aliases: ['callout', ...aliases],
  apply: (chain) => chain.setCallout(kind),
  isActive: (editor) => editor.isActive('callout', { kind }),
});

const heading = (level: 1 | 2 | 3, shortcut: string): Block => ({
  key: `heading-${level}`,
  label: `Heading ${level}`,
  hint: level === 1 ? 'A section' : level === 2 ? 'A subsection' : 'A small heading',
  aliases: [`h${level}`, 'title'],
  shortcut,
  apply: (chain) => chain.toggleHeading({ level }),
  isActive: (editor) => editor.isActive('heading', { level }),
});

export const BLOCKS: Block[] = [
  { key: 'text', label: 'Text', hint: 'A plain paragraph', aliases: ['paragraph', 'p'], shortcut: 'Ctrl+Alt+0', apply: (chain) => chain.setParagraph() },
  heading(1, 'Ctrl+Alt+1'),
  heading(2, 'Ctrl+Alt+2'),
  heading(3, 'Ctrl+Alt+3'),
  {
    key: 'bullets',
    label: 'Bulleted list',
    hint: 'Or type "- " at the start of a line',
    aliases: ['ul', 'unordered'],
    shortcut: 'Ctrl+Shift+8',
    apply: (chain) => chain.toggleBulletList(),
    isActive: (editor) => editor.isActive('bulletList'),
  },
  {
    key: 'numbers',
    label: 'Numbered list',
    hint: 'Or type "1. " at the start of a line',
    aliases: ['ol', 'ordered'],
    shortcut: 'Ctrl+Shift+7',
    apply: (chain) => chain.toggleOrderedList(),
    isActive: (editor) => editor.isActive('orderedList'),
  },
  {
    key: 'checklist',
    label: 'Checklist',
    hint: 'Tasks to tick off',
    aliases: ['to-do', 'task', 'checkbox'],
    shortcut: 'Ctrl+Shift+9',
    apply: (chain) => chain.toggleTaskList(),
    isActive: (editor) => editor.isActive('taskList'),
  },
  {
    key: 'table',
    label: 'Table',
    hint: 'Three by three, with a header row',
    aliases: ['grid'],
    apply: (chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
  },
  {
    key: 'code',
    label: 'Code block',
    hint: 'Or type ``` and a space',
    aliases: ['pre', 'snippet'],
    shortcut: 'Ctrl+Alt+C',
    apply: (chain) => chain.toggleCodeBlock(),
    isActive: (editor) => editor.isActive('codeBlock'),
  },
  {
    key: 'quote',
    label: 'Quote',
    hint: 'Or type "> " at the start of a line',
    aliases: ['blockquote'],
    shortcut: 'Ctrl+Shift+B',
    apply: (chain) => chain.toggleBlockquote(),
    isActive: (editor) => editor.isActive('blockquote'),
  },
  callout('note', 'Note', 'A callout for something to know', ['info']),
  callout('tip', 'Tip', 'A callout for a helpful hint', ['hint']),
  callout('warning', 'Warning', 'A callout for something that can go wrong', ['caution', 'danger']),
  { key: 'divider', label: 'Divider', hint: 'Or type --- on a line', aliases: ['hr', 'rule', 'line'], apply: (chain) => chain.setHorizontalRule() },
];

/** The blocks whose name or aliases start with what was typed after "/". */
export function matchingBlocks(query: string, blocks: Block[] = BLOCKS): Block[] {
  // Letters and digits only, so "to-do" is found without its hyphen and "/h2" finds "Heading 2".
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const q = plain(query);
  if (!q) return blocks;
  return blocks.filter((block) => [block.label, ...block.label.split(' '), ...block.aliases].some((word) => plain(word).startsWith(q)));
}
