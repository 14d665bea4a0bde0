import { searchPageRows, searchTeamRows, tenantSql } from '../db';
import { findPeopleRows, summarize, type PersonSummary } from '../directory/search-people';
import { plainSnippet } from './plain-snippet';
import { searchWords } from '../directory/search-words';

// The one search box: people, teams and pages together, grouped by kind.

export const SEARCH_KINDS = ['people', 'teams', 'pages'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchResults {
  people: (Pick<PersonSummary, 'id' | 'name' | 'title' | 'department' | 'office'> & { href: string })[];
  teams: { id: string; name: string; memberCount: number; href: string }[];
  pages: { slug: string; title: string; snippet: string; href: string }[];
}

/** The best `limit` matches of each kind asked for; active people only. */
export async function searchEverything(tenantId: string, text: string, options: { kinds?: readonly SearchKind[]; limit: number }): Promise<SearchResults> {
  const words = searchWords(text);
  const phrase = words.join(' ');
  const kinds = new Set(options.kinds ?? SEARCH_KINDS);
  if (!phrase) return { people: [], teams: [], pages: [] };
  const sql = tenantSql(tenantId);
  const [people, teams, pages] = await Promise.all([
    kinds.has('people') ? findPeopleRows(sql, { words, status: 'active', offset: 0, limit: options.limit }, { count: false }) : null,
    kinds.has('teams') ? searchTeamRows(sql, phrase, options.limit) : [],
    kinds.has('pages') ? searchPageRows(sql, phrase, options.limit) : [],
  ]);
  return {
    people: (people?.rows ?? [])
      .map(summarize)
      .map((p) => ({ id: p.id, name: p.name, title: p.title, department: p.department, office: p.office, href: `/people/${p.id}` })),
    teams: teams.map((t) => ({ id: t.id, name: t.displayName, memberCount: t.memberCount, href: `/teams/${t.id}` })),
    pages: pages.map((p) => ({ slug: p.slug, title: p.title, snippet: plainSnippet(p.snippet), href: `/wiki/${p.slug}` })),
  };
}
