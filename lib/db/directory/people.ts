import type { TenantSql } from '../tenant-sql';

// The people directory's one query: words typed into the search box, the
// filters, a page. A trigger keeps two lower-cased texts per person (see the
// migration), each with a trigram GIN index:
// - "searchText", names, contact and job fields, for substrings (LIKE '%ada%'):
//   prefixes and parts of titles, emails and phone numbers;
// - "nameText", names only, for close words (<%, pg_trgm's word similarity):
//   typos such as "lovelase". Only names are misspelt, and similarity costs per character.
// Every word must match. Ranked: names starting with the query, then closeness.

export type PersonStatus = 'active' | 'former' | 'all';

export interface PeopleQuery {
  /** Lower-cased, trimmed words, each at most 50 characters. */
  words: string[];
  /** Also match names close to the words (typos); without it, words match as substrings only. */
  fuzzy?: boolean;
  department?: string;
  office?: string;
  managerId?: string;
  groupId?: string;
  status: PersonStatus;
  offset: number;
  limit: number;
}

export interface PersonRow {
  id: string;
  userName: string;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  department: string | null;
  office: string | null;
  workEmail: string | null;
  active: boolean;
  photoUrl: string | null;
}

const COLUMNS = `u."id", u."userName", u."displayName", u."givenName", u."familyName", u."title", u."department", u."office", u."workEmail", u."active", u."photoUrl"`;
const BY_NAME = `u."familyName" ASC NULLS LAST, u."givenName" ASC NULLS LAST, u."id"`;

const FUZZY_FROM = 5;
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(query: PeopleQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value) + 1}`;
  const parts = [`u."tenantId" = $1`];
  if (query.status !== 'all') parts.push(`u."active" = ${query.status === 'active'}`);
  for (const word of query.words) {
    // Only names are misspelt: a short word is too close to too much ("ada" to
    // "admiral"), and emails and numbers match as substrings only.
    const like = `u."searchText" LIKE ${bind(likePattern(word))}`;
    parts.push(query.fuzzy && word.length >= FUZZY_FROM && /^\p{L}+$/u.test(word) ? `(${like} OR ${bind(word)} <% u."nameText")` : like);
  }
  if (query.department) parts.push(`u."department" = ${bind(query.department)}`);
  if (query.office) parts.push(`u."office" = ${bind(query.office)}`);
  if (query.managerId) parts.push(`u."managerId" = ${bind(query.managerId)}::uuid`);
  if (query.groupId) {
    parts.push(`EXISTS (SELECT 1 FROM "GroupMember" m WHERE m."tenantId" = $1 AND m."userId" = u."id" AND m."groupId" = ${bind(query.groupId)}::uuid)`);
  }
  return { sql: parts.join(' AND '), params };
}

/** One page of matching people and how many match in all (unless `count` is false, for the search box's suggestions). */
export async function searchPeopleRows(sql: TenantSql, query: PeopleQuery, options = { count: true }): Promise<{ rows: PersonRow[]; total: number }> {
  const where = whereOf(query);
  const n = where.params.length;
  const phrase = query.words.join(' ');
  // Closeness is worth computing only when typos are in play; otherwise names that start with the words come first.
  const order = !phrase ? BY_NAME
    : query.fuzzy ? `u."nameText" LIKE $${n + 2} DESC, word_similarity($${n + 3}, u."nameText") DESC, ${BY_NAME}`
    : `u."nameText" LIKE $${n + 2} DESC, ${BY_NAME}`;
  const startsWith = `${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const orderParams = !phrase ? [] : query.fuzzy ? [startsWith, phrase] : [startsWith];
  const [rows, counted] = await Promise.all([
    sql.rows<PersonRow>(
      `SELECT ${COLUMNS} FROM "User" u WHERE ${where.sql} ORDER BY ${order} OFFSET $${n + orderParams.length + 2} LIMIT $${n + orderParams.length + 3}`,
      [...where.params, ...orderParams, query.offset, query.limit],
    ),
    options.count ? sql.rows<{ total: number }>(`SELECT count(*)::int AS total FROM "User" u WHERE ${where.sql}`, where.params) : [{ total: -1 }],
  ]);
  return { rows, total: counted[0].total };
}

/** The departments and offices of a tenant's active people, with how many are in each: the directory's filter choices. */
export async function directoryFacetRows(sql: TenantSql): Promise<{ departments: { value: string; count: number }[]; offices: { value: string; count: number }[] }> {
  const facet = (column: 'department' | 'office') =>
    sql.rows<{ value: string; count: number }>(
      `SELECT u."${column}" AS value, count(*)::int AS count FROM "User" u
       WHERE u."tenantId" = $1 AND u."active" AND u."${column}" IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 500`,
    );
  const [departments, offices] = await Promise.all([facet('department'), facet('office')]);
  return { departments, offices };
}
