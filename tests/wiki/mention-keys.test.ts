import { describe, expect, it } from 'vitest';
import { mentionKeys } from '../../lib/wiki/mention-keys';
import { freeSlug, slugify } from '../../lib/wiki/slug';

describe('mentionKeys', () => {
  it('collects every profile a page links to, by id or userName, once each', () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const body = `Ask [@Ada](/people/${id}) or [Grace](/people/grace%40acme.example).\n\nAgain: [@Ada](/people/${id}) and <a href="/people/linus">Linus</a>.`;
    expect(mentionKeys(body)).toEqual([id, 'grace@acme.example', 'linus']);
  });

  it('ignores what readers do not see as a link to a profile', () => {
    const body = [
      '`[@Ada](/people/in-code)`',
      '```\n[@Ada](/people/in-block)\n```',
      '[people](/people)',
      '[deeper](/people/ada/edit)',
      '[query](/people/ada?x=1)',
      '[elsewhere](https://other.example/people/ada)',
      '<a href="javascript:/people/x">x</a>',
      '@ada without a link',
    ].join('\n\n');
    expect(mentionKeys(body)).toEqual([]);
  });

  it('survives a malformed escape', () => {
    expect(mentionKeys('[x](/people/%E0%A4%A) [y](/people/ok)')).toEqual(['ok']);
  });
});

describe('slugs', () => {
  it('are lowercase a–z, 0–9 and single hyphens, made from the title', () => {
    expect(slugify('Déjà vu: Q3 plans!')).toBe('deja-vu-q3-plans');
    expect(slugify('  --Hello   World--  ')).toBe('hello-world');
    expect(slugify('日本語')).toBe('page');
    expect(slugify('New')).toBe('page'); // /wiki/new is the editor
    expect(slugify('x'.repeat(200))).toHaveLength(80);
  });

  it('get the first free number when taken', () => {
    expect(freeSlug('faq', new Set())).toBe('faq');
    expect(freeSlug('faq', new Set(['faq', 'faq-2']))).toBe('faq-3');
  });
});
