import { tenantDb } from '../db';
import { personName } from '../directory/person-name';
import { buildTree, type TreeNode } from './page-tree';

// The wiki's front page: every live page as a tree, what changed lately,
// pages whose owner left, and the Trash.

const RECENT = 10;
const TRASH_SHOWN = 100;

export interface WikiIndex {
  tree: TreeNode[];
  count: number;
  recent: { slug: string; title: string; updatedAt: Date }[];
  ownerLeft: { slug: string; title: string; formerOwner: string | null }[];
  trash: { id: string; slug: string; title: string; deletedAt: Date }[];
}

/** Every live page as a tree (also the editor's choice of parents). */
export async function pageTree(tenantId: string): Promise<{ tree: TreeNode[]; count: number }> {
  const rows = await tenantDb(tenantId).wikiPage.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, title: true, parentId: true } });
  return { tree: buildTree(rows), count: rows.length };
}

export async function wikiIndex(tenantId: string): Promise<WikiIndex> {
  const db = tenantDb(tenantId);
  const [{ tree, count }, recent, ownerLeft, trash] = await Promise.all([
    pageTree(tenantId),
    db.wikiPage.findMany({ where: { deletedAt: null }, select: { slug: true, title: true, updatedAt: true }, orderBy: { updatedAt: 'desc' }, take: RECENT }),
    db.wikiPage.findMany({
      // An owner deactivated over SCIM, or deleted (which clears the owner).
      where: { deletedAt: null, OR: [{ ownerId: null }, { owner: { active: false } }] },
      select: { slug: true, title: true, owner: { select: { displayName: true, givenName: true, familyName: true, userName: true } } },
      orderBy: { title: 'asc' },
    }),
    db.wikiPage.findMany({
      where: { deletedAt: { not: null } },
      select: { id: true, slug: true, title: true, deletedAt: true },
      orderBy: { deletedAt: 'desc' },
      take: TRASH_SHOWN,
    }),
  ]);
  return {
    tree,
    count,
    recent,
    ownerLeft: ownerLeft.map((p) => ({ slug: p.slug, title: p.title, formerOwner: p.owner ? personName(p.owner) : null })),
    trash: trash.map((p) => ({ ...p, deletedAt: p.deletedAt! })),
  };
}
