import { describe, expect, it } from 'vitest';
import { sanitizePasted } from '../../lib/wiki/sanitize';
import { XSS_CORPUS } from '../../e2e/security/xss-corpus';

// What the editor reads from the clipboard: the page's allow-list, minus the
// styling Word, Google Docs and web pages bring along.

describe('sanitizePasted', () => {
  it('keeps the structure of a Word paste and drops its styling', () => {
    const word = `<p class=MsoNormal style='color:#C00000'><b><span style='font-family:Calibri'>Doors</span></b><o:p></o:p></p><ul><li class=MsoListParagraph>Badge</li></ul>`;
    expect(sanitizePasted(word)).toBe('<p><strong><span>Doors</span></strong></p><ul><li>Badge</li></ul>');
  });

  it("keeps a Google Docs checklist and links, and only the wiki's own images", () => {
    const file = '/api/files/01a24ea7-3aae-703d-a421-6f23acb76b9a/a.webp';
    const html = `<ul><li><input type="checkbox" checked>Done</li></ul><a href="https://example.com" style="color:blue" target="_blank">x</a><img src="https://example.com/a.png"><img src="${file}"><img src="x"><img src="/api/files/../../logout">`;
    expect(sanitizePasted(html)).toBe(`<ul><li><input type="checkbox" checked />Done</li></ul><a href="https://example.com">x</a><img src="${file}" />`);
  });

  it.each(XSS_CORPUS)('leaves nothing active of %s', (payload) => {
    // Text may say anything; the tags are what a browser would act on.
    const tags = [...sanitizePasted(payload).matchAll(/<[a-z][^>]*>/gi)].map(([tag]) => tag);
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<(script|iframe|svg|object|embed|form|meta|base|style|math|details|body|x)\b/i);
      expect(tag).not.toMatch(/\son[a-z]+=/i);
      expect(tag).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
    }
  });
});
