import sanitizeHtml from 'sanitize-html';
import { CALLOUT_KINDS } from './markdown/callout';

// The wiki's one allow-list for HTML: what rendered markdown may contain, and
// what pasted HTML is cut down to before the editor reads it. No scripts, no
// event handlers, no styles, no frames, no javascript:/data: URLs.

/** A link to a profile: /people/<id or userName>, nothing after the key. Such links are mentions. */
export const PROFILE_PATH = /^\/people\/([^/?#\s]+)$/;

const isExternal = (href: string) => /^https?:/i.test(href);

const ALLOWED_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li'],
  ...['strong', 'em', 'del', 's', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div'],
];

const BASE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel', 'class'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    div: ['class', 'data-callout'],
    span: ['class'],
  },
  allowedClasses: {
    a: ['mention'],
    div: ['callout', ...CALLOUT_KINDS.map((kind) => `callout-${kind}`)],
    span: ['callout-title'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  // "//evil.example" would leave the site while looking relative.
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

const linkAttributes: sanitizeHtml.Transformer = (tagName, attribs) => {
  const href = attribs.href ?? '';
  const title: Record<string, string> = attribs.title ? { title: attribs.title } : {};
  if (isExternal(href)) {
    // A new tab that cannot reach back to this page (window.opener) or learn where the reader came from.
    return { tagName, attribs: { href, ...title, target: '_blank', rel: 'noopener noreferrer nofollow' } };
  }
  const kept: Record<string, string> = { ...(href ? { href } : {}), ...title, ...(PROFILE_PATH.test(href) ? { class: 'mention' } : {}) };
  return { tagName, attribs: kept };
};

const RENDERED: sanitizeHtml.IOptions = {
  ...BASE,
  transformTags: {
    // The page's title is its one h1; the text's headings sit one level below it.
    h1: 'h2',
    h2: 'h3',
    h3: 'h4',
    h4: 'h5',
    h5: 'h6',
    a: linkAttributes,
    // GFM task lists: marked draws a checkbox, which readers could not tick and which has no label
    // (an accessibility failure); a ticked or empty box as text says the same.
    input: (_tagName, attribs) => ({ tagName: 'span', attribs: {}, text: attribs.type === 'checkbox' ? ('checked' in attribs ? '☑' : '☐') : '' }),
  },
};

// Pasted HTML (Word, Google Docs, web pages) keeps its structure and loses the rest: the same tags
// as a page, without classes (Word's "MsoNormal"), and with task-list boxes and images as they are.
const PASTED: sanitizeHtml.IOptions = {
  ...BASE,
  allowedTags: [...ALLOWED_TAGS, 'input', 'b', 'i'],
  allowedAttributes: { ...BASE.allowedAttributes, a: ['href', 'title'], div: [], span: [], input: ['type', 'checked'] },
  allowedClasses: {},
  transformTags: { b: 'strong', i: 'em', a: linkAttributes },
  // Word and Docs wrap everything in spans and divs of styling; their text is kept. An image comes
  // along only from this wiki's own files: pages show no other site's images (the page's CSP), and a
  // relative address would point anywhere in the wiki.
  exclusiveFilter: (frame) =>
    (frame.tag === 'input' && frame.attribs.type !== 'checkbox') ||
    (frame.tag === 'img' && !/^\/api\/files\/[0-9a-f-]{36}\/[^/]+$/i.test(frame.attribs.src ?? '')),
};

/** HTML produced from a page's markdown, made safe to show. */
export const sanitizeRendered = (html: string): string => sanitizeHtml(html, RENDERED);

/** HTML from the clipboard, made safe and plain before the editor parses it. */
export const sanitizePasted = (html: string): string => sanitizeHtml(html, PASTED);
