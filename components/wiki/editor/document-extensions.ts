import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { Markdown } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';
import { Callout } from './callout-node';

// What a page can hold, as the editor's schema, and how each part is written
// as markdown (the stored form: docs/wiki.md). Everything here is also what
// the round-trip test reads and writes, without a browser.

export const documentExtensions = [
  StarterKit.configure({
    // Markdown has no underline; a page must not hold what it cannot store.
    underline: false,
    link: { openOnClick: false, autolink: true, defaultProtocol: 'https', HTMLAttributes: { rel: null, target: null } },
  }),
  TaskList,
  TaskItem.configure({ nested: true }),
  TableKit.configure({ table: { resizable: false } }),
  Image.configure({ allowBase64: false }),
  Callout,
  Markdown.configure({ markedOptions: { gfm: true, breaks: false } }),
];
