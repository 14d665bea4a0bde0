import { renderMarkdown } from './render-markdown';
import { PROFILE_PATH } from './sanitize';

// A mention is any link in the body that renders as a link to a profile,
// /people/<id or userName>: "[@Ada](/people/<id>)" as the editor's picker
// writes it, or a link typed by hand. Reading the keys from the rendered,
// sanitized HTML means that exactly the links readers see count (not a link
// inside a code block, not one the sanitizer removed).

const HREF = /<a\b[^>]*?\bhref="([^"]*)"/g;

const decodeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The distinct profile keys the page links to, in order of first appearance. */
export function mentionKeys(source: string): string[] {
  const keys = new Set<string>();
  for (const [, href] of renderMarkdown(source).matchAll(HREF)) {
    const key = PROFILE_PATH.exec(decodeAttribute(href))?.[1];
    if (!key) continue;
    try {
      keys.add(decodeURIComponent(key));
    } catch {
      // A malformed %-escape names nobody.
    }
  }
  return [...keys];
}
