import { resolveExtensions, type JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { documentExtensions } from './document-extensions';

// The editor's reading and writing of the stored form without an editor view:
// what opening a page in the editor and saving it untouched does to its text.
// The round-trip test holds it to: the page reads the same afterwards.

let manager: MarkdownManager | null = null;

function markdownManager(): MarkdownManager {
  manager ??= new MarkdownManager({ extensions: resolveExtensions(documentExtensions.filter((extension) => extension.name !== 'markdown')) });
  return manager;
}

/** The text as the editor would save it after opening it. */
export const throughEditor = (markdown: string): string => markdownManager().serialize(markdownManager().parse(markdown) as JSONContent);
