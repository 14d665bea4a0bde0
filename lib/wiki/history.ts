import { tenantDb } from '../db';
import { personName, type Nameable } from '../directory/person-name';
import { lineDiff, type DiffRow } from './diff-lines';

// A page's revisions, newest first, and what each one changed.

const AUTHOR = { select: { id: true, displayName: true, givenName: true, familyName: true, userName: true } } as const;
const HISTORY_SHOWN = 200;

interface RevisionSummary {
  number: number;
  title: string;
  createdAt: Date;
  author: { id: string; name: string } | null;
}

export interface PageHistory {
  page: { slug: string; title: string; version: number };
  revisions: RevisionSummary[];
}

export interface RevisionDiff {
  page: PageHistory['page'];
  revision: RevisionSummary;
  previous: number | null;
  titleChange: { from: string; to: string } | null;
  rows: DiffRow[];
  isCurrent: boolean;
}

const summary = (r: { number: number; title: string; createdAt: Date; author: (Nameable & { id: string }) | null }): RevisionSummary => ({
  number: r.number,
  title: r.title,
  createdAt: r.createdAt,
  author: r.author ? { id: r.author.id, name: personName(r.author) } : null,
});

export async function pageHistory(tenantId: string, slug: string): Promise<PageHistory | null> {
  const page = await tenantDb(tenantId).wikiPage.findFirst({
    where: { slug, deletedAt: null },
    select: {
      slug: true,
      title: true,
      version: true,
      revisions: { orderBy: { number: 'desc' }, take: HISTORY_SHOWN, select: { number: true, title: true, createdAt: true, author: AUTHOR } },
    },
  });
  if (!page) return null;
  return { page: { slug: page.slug, title: page.title, version: page.version }, revisions: page.revisions.map(summary) };
}

/** Revision `number` of the page at `slug` against the one before it (revision 1: against an empty page). */
export async function revisionDiff(tenantId: string, slug: string, number: number): Promise<RevisionDiff | null> {
  const db = tenantDb(tenantId);
  const page = await db.wikiPage.findFirst({ where: { slug, deletedAt: null }, select: { id: true, slug: true, title: true, version: true } });
  if (!page) return null;
  const [revision, before, latest] = await Promise.all([
    db.pageRevision.findFirst({ where: { pageId: page.id, number }, select: { number: true, title: true, body: true, createdAt: true, author: AUTHOR } }),
    db.pageRevision.findFirst({
      where: { pageId: page.id, number: { lt: number } },
      orderBy: { number: 'desc' },
      select: { number: true, title: true, body: true },
    }),
    db.pageRevision.findFirst({ where: { pageId: page.id }, orderBy: { number: 'desc' }, select: { number: true } }),
  ]);
  if (!revision) return null;
  return {
    page: { slug: page.slug, title: page.title, version: page.version },
    revision: summary(revision),
    previous: before?.number ?? null,
    titleChange: before && before.title !== revision.title ? { from: before.title, to: revision.title } : null,
    rows: lineDiff(before?.body ?? '', revision.body),
    isCurrent: latest?.number === revision.number,
  };
}
