import { tenantDb } from '../db';
import { personName } from '../directory/person-name';
import { MAX_DEPTH } from './parent';
import { OWNER_SELECT, ownerStatus, type OwnerStatus } from './owner';

// A page as readers see it: text, owner (or who to ask now that they left),
// who edited last and when, where it sits (breadcrumbs, children).

interface PageLink {
  slug: string;
  title: string;
}

export interface PageView {
  id: string;
  slug: string;
  title: string;
  body: string;
  version: number;
  parentSlug: string;
  owner: OwnerStatus;
  lastEdit: { by: { id: string; name: string } | null; at: Date; revision: number } | null;
  /** From the top of the tree down to the parent. */
  ancestors: PageLink[];
  children: PageLink[];
}

const AUTHOR = { id: true, displayName: true, givenName: true, familyName: true, userName: true } as const;

/** The live page at `slug`, or null. */
export async function findPage(tenantId: string, slug: string): Promise<PageView | null> {
  const db = tenantDb(tenantId);
  const page = await db.wikiPage.findFirst({
    where: { slug, deletedAt: null },
    include: {
      owner: { select: OWNER_SELECT },
      revisions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, createdAt: true, author: { select: AUTHOR } } },
      children: { where: { deletedAt: null }, select: { slug: true, title: true }, orderBy: { title: 'asc' } },
    },
  });
  if (!page) return null;
  const ancestors: PageLink[] = [];
  for (let id = page.parentId; id && ancestors.length < MAX_DEPTH;) {
    const parent = await db.wikiPage.findUnique({ where: { id }, select: { slug: true, title: true, parentId: true } });
    if (!parent) break;
    ancestors.unshift({ slug: parent.slug, title: parent.title });
    id = parent.parentId;
  }
  const last = page.revisions[0];
  return {
    id: page.id,
    slug: page.slug,
    title: page.title,
    body: page.body,
    version: page.version,
    parentSlug: ancestors.at(-1)?.slug ?? '',
    owner: ownerStatus(page.owner),
    lastEdit: last ? { by: last.author ? { id: last.author.id, name: personName(last.author) } : null, at: last.createdAt, revision: last.number } : null,
    ancestors,
    children: page.children,
  };
}
