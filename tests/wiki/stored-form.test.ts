import { describe, expect, it } from 'vitest';
import { throughEditor } from '../../components/wiki/editor/markdown-form';
import { renderMarkdown } from '../../lib/wiki/render-markdown';
import { generateCompany } from '../../tools/seed/generate-company';
import { demoPages } from '../../tools/seed/demo-content';

// Pages are stored as markdown (docs/wiki.md). The rich editor reads a page's
// markdown and writes markdown back, so a page opened and saved untouched must
// read exactly as before, and so must every page written before the editor:
// the demo's pages, and every construct a page could hold.

/** The rendered page with the whitespace between tags (which no reader sees) taken out. */
const reads = (markdown: string) => renderMarkdown(markdown).replace(/>\s+</g, '><').trim();

const CONSTRUCTS: [string, string][] = [
  ['headings of every level', '# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six'],
  ['emphasis', 'Some **bold**, *italic*, ***both***, ~~struck~~ and `code`.'],
  [
    'links, mentions and page links',
    'See [the handbook](/wiki/handbook), ask [@Ada Lovelace](/people/8c2e), mail [IT](mailto:it@acme.example) or [the web](https://example.com "Example").',
  ],
  ['bulleted lists, nested', '- one\n- two\n  - two and a half\n  - two and three quarters\n- three'],
  ['numbered lists, from 3', '3. three\n4. four\n5. five'],
  ['checklists', '- [ ] to do\n- [x] done\n- [ ] later'],
  ['tables', '| Name | Role |\n| --- | --- |\n| Ada | Engineer |\n| Grace | Admiral |'],
  ['code blocks with a language', '```ts\nconst answer = 42;\nif (answer < 43) console.log("<b>");\n```'],
  ['quotes', '> Quoted\n> over two lines'],
  ['callouts', '> [!WARNING]\n> Do **not** restart the database.\n>\n> - unless told to'],
  ['dividers', 'Above\n\n---\n\nBelow'],
  ['images', '![The office](/files/4f1c/office.webp)'],
  ['characters markdown would read as syntax', 'Prices in \\*stars\\*, a \\[bracket\\], 2 \\< 3 and a\\_b.'],
  ['hard line breaks', 'First line  \nsecond line'],
];

describe('the stored form through the editor', () => {
  it.each(CONSTRUCTS)('keeps %s as they read', (_name, markdown) => {
    expect(reads(throughEditor(markdown))).toBe(reads(markdown));
  });

  it('keeps every demo page as it reads', () => {
    const people = generateCompany({ size: 200, domain: 'acme.example' });
    const pages = demoPages(people);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(reads(throughEditor(page.body)), page.slug).toBe(reads(page.body));
  });

  it('is stable: a second pass changes nothing', () => {
    const all = CONSTRUCTS.map(([, markdown]) => markdown).join('\n\n');
    const once = throughEditor(all);
    expect(throughEditor(once)).toBe(once);
  });
});
