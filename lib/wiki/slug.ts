// Page addresses: /wiki/<slug>, readable and stable enough to paste in chat.

/** Lowercase a–z, 0–9 and single hyphens between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

/** Addresses the wiki's own routes use: a page there could never be opened. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new']);

/** "Déjà vu: Q3 plans!" → "deja-vu-q3-plans"; a title with no letters or digits gives "page". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // the accents NFKD split off
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return slug && !RESERVED_SLUGS.has(slug) ? slug : 'page';
}

/** The first of slug, slug-2, slug-3, … that `taken` does not hold. */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, SLUG_MAX - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The slug in a /wiki/<slug> address, or null for one no page could have (answered 404 without a query). */
export function slugFromPath(segment: string): string | null {
  return SLUG_PATTERN.test(segment) ? segment : null;
}
