import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Markdown → HTML that is safe to put in the page. The same function runs on
// the server (the page) and in the browser (the editor's live preview), so what
// an author previews is exactly what readers get. marked passes raw HTML
// through, so everything it produces goes through an allow-list afterwards:
// no scripts, no event handlers, no styles, no frames, no javascript:/data: URLs.

const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** A link to a profile: /people/<id or userName>, nothing after the key. Such links are mentions. */
export const PROFILE_PATH = /^\/people\/([^/?#\s]+)$/;

const isExternal = (href: string) => /^https?:/i.test(href);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'del',
    's',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel', 'class'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { a: ['mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  // "//evil.example" would leave the site while looking relative.
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The page's title is its one h1; the text's headings sit one level below it.
    h1: 'h2',
    h2: 'h3',
    h3: 'h4',
    h4: 'h5',
    h5: 'h6',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      if (isExternal(href)) {
        // A new tab that cannot reach back to this page (window.opener) or learn where the reader came from.
        return { tagName, attribs: { href, ...(attribs.title ? { title: attribs.title } : {}), target: '_blank', rel: 'noopener noreferrer nofollow' } };
      }
      const mention = PROFILE_PATH.test(href);
      return { tagName, attribs: { ...(href ? { href } : {}), ...(attribs.title ? { title: attribs.title } : {}), ...(mention ? { class: 'mention' } : {}) } };
    },
    // GFM task lists: marked draws a checkbox, which readers could not tick and which has no label
    // (an accessibility failure); a ticked or empty box as text says the same.
    input: (_tagName, attribs) => ({ tagName: 'span', attribs: {}, text: attribs.type === 'checkbox' ? ('checked' in attribs ? '☑' : '☐') : '' }),
  },
};

/** The page body as sanitized HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source, { async: false }), SANITIZE);
}
