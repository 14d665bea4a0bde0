import { isUniqueViolation, tenantDb } from '../db';
import { AppError } from '../errors';
import { newPageInput } from './page-input';
import { resolveParent } from './parent';
import { parseInput } from './parse-input';
import { recordRevision } from './record-revision';
import { freeSlug, slugify } from './slug';

/**
 * A new page, owned by its author, with revision 1 and its mentions, all in
 * one transaction. Its address comes from the title; when that is taken (also
 * by a page in the Trash, which keeps its address for a restore) a number is added.
 */
export async function createPage(tenantId: string, authorId: string, input: unknown): Promise<{ slug: string }> {
  const { title, body, parentSlug } = parseInput(newPageInput, input);
  const base = slugify(title);
  try {
    return await tenantDb(tenantId).$transaction(async (tx) => {
      const parentId = await resolveParent(tx, parentSlug, null);
      const similar = await tx.wikiPage.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
      const slug = freeSlug(base, new Set(similar.map((p) => p.slug)));
      const page = await tx.wikiPage.create({ data: { tenantId, slug, title, body, parentId, ownerId: authorId } });
      await recordRevision(tx, tenantId, page, authorId);
      return { slug };
    });
  } catch (error) {
    // Someone took the same address between our look and our insert.
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Another page with this title was created just now; save again.');
    throw error;
  }
}
