import { isUuid, tenantDb } from '../db';
import { AppError } from '../errors';
import { requireLivePage } from './live-page';

// Deleting moves a page to the Trash (deletedAt); it keeps its address,
// revisions and mentions, and Restore brings it back as it was. A page with
// live children is not deleted: its children would be cut off from the tree
// without anyone choosing where they go, so the person moves or deletes them first.

const CHILDREN_NAMED = 5;

export async function deletePage(tenantId: string, slug: string): Promise<{ title: string }> {
  return tenantDb(tenantId).$transaction(async (tx) => {
    const page = await requireLivePage(tx, slug);
    const children = await tx.wikiPage.findMany({ where: { parentId: page.id, deletedAt: null }, select: { title: true }, orderBy: { title: 'asc' } });
    if (children.length > 0) {
      const named = children
        .slice(0, CHILDREN_NAMED)
        .map((c) => `"${c.title}"`)
        .join(', ');
      const more = children.length > CHILDREN_NAMED ? ` and ${children.length - CHILDREN_NAMED} more` : '';
      throw new AppError('conflict', `"${page.title}" has pages under it (${named}${more}). Move or delete them first.`);
    }
    // The version moves on, so an editor still open on this page is told it was deleted.
    await tx.wikiPage.updateMany({ where: { id: page.id, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    return { title: page.title };
  });
}

/** Brings a page back from the Trash; under its old parent if that is live, else at the top level. */
export async function restorePage(tenantId: string, id: string): Promise<{ slug: string; movedToTop: boolean }> {
  if (!isUuid(id)) throw new AppError('not_found', 'There is no such page in the Trash.');
  return tenantDb(tenantId).$transaction(async (tx) => {
    const page = await tx.wikiPage.findFirst({ where: { id, deletedAt: { not: null } }, select: { slug: true, parentId: true } });
    if (!page) throw new AppError('not_found', 'There is no such page in the Trash (perhaps someone restored it already).');
    const parentLive = page.parentId ? (await tx.wikiPage.count({ where: { id: page.parentId, deletedAt: null } })) > 0 : true;
    await tx.wikiPage.updateMany({
      where: { id },
      data: { deletedAt: null, version: { increment: 1 }, ...(parentLive ? {} : { parentId: null }) },
    });
    return { slug: page.slug, movedToTop: !parentLive };
  });
}
