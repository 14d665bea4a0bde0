import { z } from 'zod';
import { directoryFacetRows, isUuid, searchPeopleRows, tenantSql, type PeopleQuery, type PersonRow, type TenantSql } from '../db';
import { searchWords } from './search-words';
import { csvLine } from '../csv';
import { personName } from './person-name';

// The people directory: who matches the search box and the filters, one page
// at a time. Former (deactivated) people are left out unless asked for.

const PEOPLE_PAGE_SIZE = 50;

export interface PersonSummary {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  office: string | null;
  workEmail: string | null;
  photoKey: string | null;
  former: boolean;
}

export interface DirectorySearch {
  q: string;
  department?: string;
  office?: string;
  manager?: string;
  group?: string;
  status: 'active' | 'former' | 'all';
  page: number;
}

export interface PeoplePage {
  people: PersonSummary[];
  total: number;
  /** Nothing matched as typed, so these are the names close to it. */
  fuzzy: boolean;
  page: number;
  pageCount: number;
}

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined)
  .catch(undefined);
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v && isUuid(v) ? v : undefined))
  .catch(undefined);

/** The directory's URL parameters; anything malformed reads as "not given". */
export const directorySearchParams = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .transform((v) => v ?? '')
    .catch(''),
  department: optionalText,
  office: optionalText,
  manager: optionalId,
  group: optionalId,
  status: z
    .enum(['active', 'former', 'all'])
    .optional()
    .transform((v) => v ?? 'active')
    .catch('active'),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .transform((v) => v ?? 1)
    .catch(1),
});

export const summarize = (row: PersonRow): PersonSummary => ({
  id: row.id,
  name: personName(row),
  title: row.title,
  department: row.department,
  office: row.office,
  workEmail: row.workEmail,
  photoKey: row.photoKey,
  former: !row.active,
});

/**
 * Matching people, words as typed first; only when nothing matches so, names
 * close to the words (typos). Typo matching costs several times more, and a
 * close name ranked among exact matches would only be noise.
 */
export async function findPeopleRows(
  sql: TenantSql,
  query: PeopleQuery,
  options = { count: true },
): Promise<{ rows: PersonRow[]; total: number; fuzzy: boolean }> {
  const exact = await searchPeopleRows(sql, { ...query, fuzzy: false }, options);
  if ((options.count ? exact.total : exact.rows.length) > 0 || query.words.length === 0) return { ...exact, fuzzy: false };
  return { ...(await searchPeopleRows(sql, { ...query, fuzzy: true }, options)), fuzzy: true };
}

/** The query of a directory search, rows `offset` to `offset + limit`. */
const queryOf = (search: DirectorySearch, offset: number, limit: number): PeopleQuery => ({
  words: searchWords(search.q),
  department: search.department,
  office: search.office,
  managerId: search.manager,
  groupId: search.group,
  status: search.status,
  offset,
  limit,
});

/** One page of the directory; a page past the end shows the last. */
export async function searchPeople(tenantId: string, search: DirectorySearch, pageSize = PEOPLE_PAGE_SIZE): Promise<PeoplePage> {
  const sql = tenantSql(tenantId);
  const query = queryOf(search, (search.page - 1) * pageSize, pageSize);
  let found = await findPeopleRows(sql, query);
  const pageCount = Math.max(1, Math.ceil(found.total / pageSize));
  const page = Math.min(search.page, pageCount);
  if (page < search.page) {
    found = { ...(await searchPeopleRows(sql, { ...query, fuzzy: found.fuzzy, offset: (page - 1) * pageSize })), fuzzy: found.fuzzy };
  }
  return { people: found.rows.map(summarize), total: found.total, fuzzy: found.fuzzy, page, pageCount };
}

export interface DirectoryFacets {
  departments: { value: string; count: number }[];
  offices: { value: string; count: number }[];
}

// Counting departments and offices reads every active person: at 100,000 that
// is tens of milliseconds, for lists that change only when Entra provisions.
// Remembered per tenant for a minute.
const FACETS_TTL_MS = 60_000;
const facetCache = new Map<string, { at: number; facets: Promise<DirectoryFacets> }>();

/** The directory's filter choices, with how many active people each has. */
export function directoryFacets(tenantId: string): Promise<DirectoryFacets> {
  const cached = facetCache.get(tenantId);
  if (cached && Date.now() - cached.at < FACETS_TTL_MS) return cached.facets;
  const facets = directoryFacetRows(tenantSql(tenantId));
  facetCache.set(tenantId, { at: Date.now(), facets });
  facets.catch(() => facetCache.delete(tenantId));
  return facets;
}

const EXPORT_BATCH = 2_000;

/**
 * Everyone a directory search finds, every page of it, as the Admin Console's
 * CSV: the same search and the same visibility (current people unless the
 * status filter says otherwise) as the page, in the page's order.
 */
export async function peopleCsv(tenantId: string, search: DirectorySearch, profileUrl: (id: string) => string): Promise<string> {
  const sql = tenantSql(tenantId);
  const lines = [csvLine(['name', 'user name', 'title', 'department', 'office', 'work email', 'status', 'profile'])];
  let fuzzy: boolean | undefined;
  for (let offset = 0; ; offset += EXPORT_BATCH) {
    const query = queryOf(search, offset, EXPORT_BATCH);
    // The first batch decides, as the page does, whether the words matched as typed or only as close names.
    const found =
      fuzzy === undefined
        ? await findPeopleRows(sql, query, { count: false })
        : { ...(await searchPeopleRows(sql, { ...query, fuzzy }, { count: false })), fuzzy };
    fuzzy = found.fuzzy;
    for (const row of found.rows) {
      lines.push(
        csvLine([personName(row), row.userName, row.title, row.department, row.office, row.workEmail, row.active ? 'current' : 'former', profileUrl(row.id)]),
      );
    }
    if (found.rows.length < EXPORT_BATCH) return lines.join('');
  }
}
