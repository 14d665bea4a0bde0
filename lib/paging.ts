import { z } from 'zod';

const pageQuery = z.object({ page: z.coerce.number().int().min(1).catch(1).default(1) });

/** ?page=N from a page's search params: a malformed or missing number reads as 1 (lists clamp past-the-end pages themselves). */
export function readPageNumber(searchParams: Record<string, string | string[] | undefined>): number {
  const page = searchParams.page;
  return pageQuery.parse({ page: Array.isArray(page) ? page[0] : page }).page;
}
