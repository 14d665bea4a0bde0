import type { Page } from '@playwright/test';

// Markup and script URLs that try to run `mark(n)` (window.__xss = n) in a
// colleague's browser: tags, event handlers, URL schemes, encodings, and
// breaking out of attributes. A spec puts them wherever people's input is
// shown and then asks the browser whether any ran.

export const XSS_CORPUS: readonly string[] = [
  '<script>mark(1)</script>',
  '<img src=x onerror="mark(2)">',
  '<svg onload="mark(3)"></svg>',
  '<iframe srcdoc="<script>parent.mark(4)</script>"></iframe>',
  '"><script>mark(5)</script>',
  "'><img src=x onerror=mark(6)>",
  'javascript:mark(7)',
  'JaVaScRiPt:mark(8)',
  ' javascript:mark(9)',
  'data:text/html,<script>mark(10)</script>',
  '<a href="javascript:mark(11)">link</a>',
  '<details open ontoggle="mark(12)">',
  '<body onload="mark(13)">',
  '<input autofocus onfocus="mark(14)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=mark(15)>',
  '<noscript><p title="</noscript><img src=x onerror=mark(16)>">',
  '&lt;img src=x onerror=mark(17)&gt;',
  '&#x3C;img src=x onerror=mark(18)&#x3E;',
  '<object data="javascript:mark(19)"></object>',
  '<embed src="javascript:mark(20)">',
  '<form action="javascript:mark(21)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:mark(22)">',
  '<base href="javascript:mark(23)//">',
  '<style>@import "javascript:mark(24)"</style>',
  '{{constructor.constructor("mark(25)")()}}',
  '${mark(26)}',
  '<x onclick="mark(27)" style="display:block;position:fixed;inset:0">overlay</x>',
  '[link](javascript:mark(28))',
  '![image](x" onerror="mark(29))',
  '<a href="&#106;avascript:mark(30)">entity</a>',
];

/** Installs `mark` in every page of a context before any of its scripts: a payload that runs calls it. */
export const MARK_SCRIPT = 'window.mark = (n) => { (window.__xss ??= []).push(n); }; window.__xss = undefined;';

/** The numbers of the payloads that ran in `page` since it loaded. */
export async function payloadsThatRan(page: Page): Promise<number[]> {
  return (await page.evaluate(() => (window as unknown as { __xss?: number[] }).__xss)) ?? [];
}
