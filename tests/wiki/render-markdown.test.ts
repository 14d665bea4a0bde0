import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../lib/wiki/render-markdown';

// The sanitizer is the wiki's XSS defence: page text is anyone's input and is
// shown to everyone. Each payload must come out inert.

/** Every attribute of every tag in `html`, e.g. ['href="/x"', 'class="mention"']. */
const tags = (html: string) => [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)].map(([, tag, attrs]) => ({ tag: tag.toLowerCase(), attrs }));

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<h2>Title</h2>'); // below the page title, the page's one h1
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>1</td>');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /onerror/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<object data="x.swf"></object><embed src="x.swf">', /<object|<embed/i],
    ['<svg onload=alert(1)><circle /></svg>', /<svg|onload/i],
    ['<svg><script>alert(1)</script></svg>', /<svg|<script/i],
    ['<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>', /style=|onclick/i],
    ['<a href="#" onmouseover="alert(1)">x</a>', /onmouseover/i],
    ['<form action="https://evil.example"><input name=x></form>', /<form|<input/i],
    ['<style>body{display:none}</style>', /<style/i],
    ['<math><mtext><img src=x onerror=alert(1)></mtext></math>', /onerror|<math/i],
  ])('removes the dangerous part of %s', (payload, forbidden) => {
    expect(renderMarkdown(payload)).not.toMatch(forbidden);
  });

  it.each([
    '[x](javascript:alert(1))',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '[x](//evil.example/path)',
  ])('drops the unsafe link target of %s', (payload) => {
    const links = tags(renderMarkdown(payload)).filter((t) => t.tag === 'a');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.attrs).not.toMatch(/href=/);
  });

  it('keeps only http(s) images, never data: URLs', () => {
    expect(renderMarkdown('![chart](https://example.com/chart.png)')).toContain('<img src="https://example.com/chart.png" alt="chart" />');
    expect(renderMarkdown('![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)')).not.toMatch(/data:/);
  });

  it('opens external links in a new tab that cannot reach back, and keeps relative and mailto links as they are', () => {
    const html = renderMarkdown('[ext](https://example.com) [page](/wiki/handbook) [mail](mailto:it@acme.example)');
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">ext</a>');
    expect(html).toContain('<a href="/wiki/handbook">page</a>');
    expect(html).toContain('<a href="mailto:it@acme.example">mail</a>');
  });

  it('does not let an author choose target or rel of a link', () => {
    const html = renderMarkdown('<a href="/wiki/x" target="_blank" rel="opener" class="evil">x</a>');
    expect(html).toContain('<a href="/wiki/x">x</a>');
  });

  it('draws links to profiles as mention chips', () => {
    expect(renderMarkdown('Ask [@Ada Lovelace](/people/ada@acme.example).')).toContain('<a href="/people/ada@acme.example" class="mention">@Ada Lovelace</a>');
    expect(renderMarkdown('[list](/people)')).not.toContain('mention');
  });
});
