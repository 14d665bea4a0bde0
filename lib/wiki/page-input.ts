import { z } from 'zod';
import { RESERVED_SLUGS, SLUG_MAX, SLUG_PATTERN } from './slug';

// What a person may send for a page, checked the same way in the editor and on the server.

export const BODY_MAX = 100_000;

const title = z.string().trim().min(1, 'Give the page a title.').max(200, 'A title is at most 200 characters.');
const body = z.string().max(BODY_MAX, `A page is at most ${BODY_MAX.toLocaleString('en')} characters.`);
/** A parent page's slug, or '' for the top level. */
const parentSlug = z.string().trim().max(SLUG_MAX);

export const newPageInput = z.object({ title, body, parentSlug });

export const pageEditInput = z.object({
  title,
  body,
  parentSlug,
  slug: z
    .string()
    .trim()
    .min(1, 'The address cannot be empty.')
    .max(SLUG_MAX, `An address is at most ${SLUG_MAX} characters.`)
    .regex(SLUG_PATTERN, 'An address uses lowercase letters, digits and single hyphens between them, e.g. "team-handbook".')
    .refine((slug) => !RESERVED_SLUGS.has(slug), 'That address is used by the wiki itself; choose another.'),
  /** The page version the editor started from (optimistic concurrency). */
  version: z.coerce
    .number({ message: 'Reload the page: the form did not say which version you started from.' })
    .int()
    .positive('Reload the page: the form did not say which version you started from.'),
});
