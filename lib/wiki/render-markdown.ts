import { Marked, type Token, type TokenizerAndRendererExtension } from 'marked';
import { CALLOUT_TITLES, calloutStart, tokenizeCallout, type CalloutToken } from './markdown/callout';
import { sanitizeRendered } from './sanitize';

// Markdown → HTML that is safe to put in the page. The same function runs on
// the server (the page, mentions) and in the browser (the diff view), so what
// an author writes is exactly what readers get. marked passes raw HTML
// through, so everything it produces goes through the allow-list afterwards.

const callout: TokenizerAndRendererExtension = {
  name: 'callout',
  level: 'block',
  start: calloutStart,
  tokenizer(src) {
    return tokenizeCallout<Token>(src, (text) => this.lexer.blockTokens(text, []));
  },
  renderer(token) {
    const { kind, tokens } = token as CalloutToken<Token>;
    const body = this.parser.parse(tokens);
    return `<div class="callout callout-${kind}"><span class="callout-title">${CALLOUT_TITLES[kind]}</span>${body}</div>\n`;
  },
};

const markdown = new Marked({ gfm: true, breaks: false, async: false, extensions: [callout] });

/** The page body as sanitized HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeRendered(markdown.parse(source, { async: false }));
}
