import type { TenantSql } from '../tenant-sql';
import { containing, escapeLike } from './like';
import { byName } from './name-order';

// The people directory's one query: words typed into the search box, the
// filters, a page. A trigger keeps two lower-cased texts per person in
// "UserSearchText" (see the migrations), each with a trigram GIN index:
// - "searchText", names, contact and job fields, for substrings (LIKE '%ada%'):
//   prefixes and parts of titles, emails and phone numbers;
// - "nameText", names only, for close words (<%, pg_trgm's word similarity):
//   typos such as "lovelase". Only names are misspelt, and similarity costs per character.
// Every word must match. Ranked: names starting with the query, then closeness.

type PersonStatus = 'active' | 'former' | 'all';

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
  photoKey: string | null;
}

const COLUMNS = `u."id", u."userName", u."displayName", u."givenName", u."familyName", u."title", u."department", u."office", u."workEmail", u."active", u."photoKey"`;

const FUZZY_FROM = 5;
/** Only names are misspelt: a short word is too close to too much ("ada" to "admiral"), and emails and numbers match as substrings only. */
const mayBeMisspelt = (word: string) => word.length >= FUZZY_FROM && /^\p{L}+$/u.test(word);
// How rare a word is decides the plan (index or name order), and a prepared
// statement's generic plan cannot know: after five runs it may read the whole table.
const PLAN_EACH = { planEach: true };

// Where the people come from: User u when no word is typed (its name index
// gives the pages in order); else the narrow search rows s, which hold what a
// search filters and sorts on, and User only for the page that is shown.
interface Source {
  from: string;
  alias: 'u' | 's';
  id: string;
}
const USERS: Source = { from: '"User" u', alias: 'u', id: 'id' };
const TEXTS: Source = { from: '"UserSearchText" s', alias: 's', id: 'userId' };

function whereOf(query: PeopleQuery, source: Source): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value) + 1}`;
  const p = source.alias;
  const parts = [`${p}."tenantId" = $1`];
  if (query.status !== 'all') parts.push(`${p}."active" = ${query.status === 'active'}`);
  for (const word of query.words) {
    const like = `s."searchText" LIKE ${bind(containing(word))}`;
    parts.push(query.fuzzy && mayBeMisspelt(word) ? `(${like} OR ${bind(word)} <% s."nameText")` : like);
  }
  if (query.department) parts.push(`${p}."department" = ${bind(query.department)}`);
  if (query.office) parts.push(`${p}."office" = ${bind(query.office)}`);
  if (query.managerId) {
    const manager = `${bind(query.managerId)}::uuid`;
    parts.push(p === 'u' ? `u."managerId" = ${manager}` : `s."userId" IN (SELECT x."id" FROM "User" x WHERE x."tenantId" = $1 AND x."managerId" = ${manager})`);
  }
  if (query.groupId) {
    parts.push(
      `EXISTS (SELECT 1 FROM "GroupMember" m WHERE m."tenantId" = $1 AND m."userId" = ${p}."${source.id}" AND m."groupId" = ${bind(query.groupId)}::uuid)`,
    );
  }
  return { sql: parts.join(' AND '), params };
}

/** The people whose ids `ids` selects, in its order: the statement sorts the narrow rows, then fetches the page. */
const peopleOf = (ids: string) =>
  `SELECT ${COLUMNS} FROM unnest(ARRAY(${ids})) WITH ORDINALITY AS page("userId", "place")
   JOIN "User" u ON u."tenantId" = $1 AND u."id" = page."userId" ORDER BY page."place"`;

/**
 * The people among the matches whose name has a word starting with each typed
 * word, by name: when they fill the first page, that page is exactly the full
 * query's (which ranks them first), found through the name index alone instead
 * of sorting every substring match ("sing" is in every Singapore address).
 */
async function nameStartRows(sql: TenantSql, query: PeopleQuery): Promise<PersonRow[]> {
  const where = whereOf({ ...query, words: [] }, TEXTS);
  // Found through the names' index on each word's inner trigrams (LIKE '%ada%':
  // rare, short lists; 'ada%' would also read the long lists of "  a" and " ad"),
  // then kept if a word of the name starts with it.
  const starts = query.words.map((word) => {
    const like = where.params.push(containing(word)) + 1;
    const start = where.params.push(word) + 1;
    return `s."nameText" LIKE $${like} AND strpos(' ' || s."nameText", ' ' || $${start}) > 0`;
  });
  const n = where.params.length;
  // Matched first, then sorted: left to itself the planner may walk the name
  // index and filter all 100,000 people when it misjudges how rare a name is.
  return sql.rows<PersonRow>(
    `WITH m AS MATERIALIZED (SELECT s."userId", s."familyName", s."givenName" FROM ${TEXTS.from} WHERE ${where.sql} AND ${starts.join(' AND ')})
     ${peopleOf(`SELECT m."userId" FROM m ORDER BY ${byName('m', 'userId')} LIMIT $${n + 2}`)}`,
    [...where.params, query.limit],
    PLAN_EACH,
  );
}

/** One page of matching people and how many match in all (unless `count` is false, for the search box's suggestions). */
export async function searchPeopleRows(sql: TenantSql, query: PeopleQuery, options = { count: true }): Promise<{ rows: PersonRow[]; total: number }> {
  if (!options.count && !query.fuzzy && query.offset === 0 && query.words.length > 0) {
    const rows = await nameStartRows(sql, query);
    if (rows.length === query.limit) return { rows, total: -1 };
  }
  const source = query.words.length > 0 ? TEXTS : USERS;
  const where = whereOf(query, source);
  const n = where.params.length;
  const withTotal = async (rows: Promise<PersonRow[]>) => {
    const total = options.count
      ? sql.rows<{ total: number }>(`SELECT count(*)::int AS total FROM ${source.from} WHERE ${where.sql}`, where.params, PLAN_EACH)
      : [{ total: -1 }];
    const [found, [counted]] = await Promise.all([rows, total]);
    return { rows: found, total: counted.total };
  };
  if (source === USERS) {
    return withTotal(
      sql.rows<PersonRow>(
        `SELECT ${COLUMNS} FROM ${USERS.from} WHERE ${where.sql} ORDER BY ${byName()} OFFSET $${n + 2} LIMIT $${n + 3}`,
        [...where.params, query.offset, query.limit],
        PLAN_EACH,
      ),
    );
  }
  const phrase = query.words.join(' ');
  // Names with a word that starts with what was typed come first ("smit" → Smith before
  // Nesmith). Closeness is worth computing only when typos are in play.
  const startsWord = `(s."nameText" LIKE $${n + 2} OR s."nameText" LIKE $${n + 3})`;
  const order = query.fuzzy
    ? `${startsWord} DESC, word_similarity($${n + 4}, s."nameText") DESC, ${byName('s', 'userId')}`
    : `${startsWord} DESC, ${byName('s', 'userId')}`;
  const escaped = escapeLike(phrase);
  const orderParams = [`${escaped}%`, `% ${escaped}%`, ...(query.fuzzy ? [phrase] : [])];
  const k = n + orderParams.length;
  return withTotal(
    sql.rows<PersonRow>(
      peopleOf(`SELECT s."userId" FROM ${TEXTS.from} WHERE ${where.sql} ORDER BY ${order} OFFSET $${k + 2} LIMIT $${k + 3}`),
      [...where.params, ...orderParams, query.offset, query.limit],
      PLAN_EACH,
    ),
  );
}

/** The departments and offices of a tenant's active people, with how many are in each: the directory's filter choices. */
export async function directoryFacetRows(
  sql: TenantSql,
): Promise<{ departments: { value: string; count: number }[]; offices: { value: string; count: number }[] }> {
  const facet = (column: 'department' | 'office') =>
    sql.rows<{ value: string; count: number }>(
      `SELECT u."${column}" AS value, count(*)::int AS count FROM "User" u
       WHERE u."tenantId" = $1 AND u."active" AND u."${column}" IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 500`,
    );
  const [departments, offices] = await Promise.all([facet('department'), facet('office')]);
  return { departments, offices };
}
