import { tenantDb } from '../db';
import { AppError } from '../errors';
import { requireLivePage } from './live-page';
import { applyChange } from './save-page';

/**
 * Makes revision `number`'s title and text current again, as a new revision
 * (history is never rewritten). The address and place in the tree stay.
 * `expected` is the version the person was looking at, so that a restore does
 * not silently undo a save made meanwhile.
 */
export async function restoreRevision(
  tenantId: string,
  authorId: string,
  slug: string,
  number: number,
  expected: number,
): Promise<{ slug: string; number: number }> {
  if (!Number.isInteger(number) || number < 1) throw new AppError('not_found', 'There is no such revision.');
  if (!Number.isInteger(expected) || expected < 1)
    throw new AppError('invalid_input', 'Reload the page and try again: the form did not say which version you were looking at.');
  return tenantDb(tenantId).$transaction(async (tx) => {
    const page = await requireLivePage(tx, slug);
    const revision = await tx.pageRevision.findFirst({ where: { pageId: page.id, number }, select: { title: true, body: true } });
    if (!revision) throw new AppError('not_found', `This page has no revision ${number}.`);
    await applyChange(tx, tenantId, page.id, expected, { title: revision.title, body: revision.body, slug: page.slug, parentId: page.parentId }, authorId);
    return { slug: page.slug, number };
  });
}
