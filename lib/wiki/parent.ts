import type { TenantTx } from '../db';
import { AppError } from '../errors';

// Where a page sits in the tree. A parent is named by its slug (from a form),
// looked up within the caller's tenant, and must not be the page itself or one
// of its descendants: the tree would become a loop.

/** Deeper than any real wiki; stops a walk even if the data ever held a loop. */
export const MAX_DEPTH = 100;

/** The live page `parentSlug` names, as a parent for page `pageId` (null when creating); '' is the top level. */
export async function resolveParent(tx: TenantTx, parentSlug: string, pageId: string | null): Promise<string | null> {
  if (!parentSlug) return null;
  const parent = await tx.wikiPage.findFirst({ where: { slug: parentSlug, deletedAt: null }, select: { id: true, parentId: true, title: true } });
  if (!parent) throw new AppError('invalid_input', `There is no page "${parentSlug}" to put this page under.`);
  if (pageId === null) return parent.id;
  if (parent.id === pageId) throw new AppError('invalid_input', 'A page cannot be its own parent.');
  // Walk up from the new parent: meeting the page means the parent is one of its descendants.
  let id = parent.parentId;
  for (let depth = 0; id && depth < MAX_DEPTH; depth++) {
    if (id === pageId)
      throw new AppError('invalid_input', `"${parent.title}" is inside this page, so this page cannot move under it (that would make a loop).`);
    id = (await tx.wikiPage.findUnique({ where: { id }, select: { parentId: true } }))?.parentId ?? null;
  }
  return parent.id;
}
