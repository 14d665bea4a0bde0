import type { TenantSql } from '../tenant-sql';
import { containing } from './like';

// The search box's other two kinds. A tenant has hundreds of teams and
// thousands of pages, not a hundred thousand, so these scan the tenant's rows
// instead of keeping indexes: trigram closeness for names and titles (typos,
// prefixes) and full-text search over page bodies.

export interface TeamRow {
  id: string;
  displayName: string;
  memberCount: number;
}

export interface PageRow {
  slug: string;
  title: string;
  snippet: string;
}

const CLOSE = 0.5;

export function searchTeamRows(sql: TenantSql, phrase: string, limit: number): Promise<TeamRow[]> {
  return sql.rows<TeamRow>(
    `SELECT g."id", g."displayName"::text AS "displayName",
       (SELECT count(*)::int FROM "GroupMember" m WHERE m."tenantId" = $1 AND m."groupId" = g."id") AS "memberCount"
     FROM "Group" g
     WHERE g."tenantId" = $1 AND (lower(g."displayName") LIKE $2 OR word_similarity($3, lower(g."displayName")) >= ${CLOSE})
     ORDER BY word_similarity($3, lower(g."displayName")) DESC, g."displayName" LIMIT $4`,
    [containing(phrase), phrase, limit],
  );
}

/** Live pages whose title is close to the phrase or whose text contains its words; the snippet is plain text. */
export function searchPageRows(sql: TenantSql, phrase: string, limit: number): Promise<PageRow[]> {
  return sql.rows<PageRow>(
    `WITH q AS (SELECT plainto_tsquery('simple', $3) AS query)
     SELECT p."slug", p."title",
       ts_headline('simple', p."body", q.query, 'StartSel="",StopSel="",MaxWords=24,MinWords=10,HighlightAll=false') AS snippet
     FROM "WikiPage" p, q
     WHERE p."tenantId" = $1 AND p."deletedAt" IS NULL
       AND (lower(p."title") LIKE $2 OR word_similarity($3, lower(p."title")) >= ${CLOSE}
            OR to_tsvector('simple', p."title" || ' ' || p."body") @@ q.query)
     ORDER BY word_similarity($3, lower(p."title")) DESC,
       ts_rank(to_tsvector('simple', p."title" || ' ' || p."body"), q.query) DESC, p."title"
     LIMIT $4`,
    [containing(phrase), phrase, limit],
  );
}
