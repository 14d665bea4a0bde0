import { isUniqueViolation, tenantDb, type TenantTx } from '../db';
import { AppError } from '../errors';
import { notifyPageChanged } from '../notifications/notify';
import { requireLivePage } from './live-page';
import { pageEditInput } from './page-input';
import { resolveParent } from './parent';
import { parseInput } from './parse-input';
import { recordRevision } from './record-revision';

// Saving an edit: title (rename), address, parent (move) and text, as one
// revision. Optimistic concurrency: the editor sends the version it started
// from, and the update only applies to that version, so of two people editing
// at once the second is told instead of silently overwriting the first.

export interface PageChange {
  title: string;
  slug: string;
  body: string;
  parentId: string | null;
}

/** The message for a save that did not apply to version `expected` of page `id`. */
async function whyNotSaved(tx: TenantTx, id: string, expected: number): Promise<AppError> {
  const now = await tx.wikiPage.findUnique({ where: { id }, select: { version: true, deletedAt: true, slug: true } });
  if (!now) return new AppError('not_found', 'This page no longer exists.');
  const latest = await tx.pageRevision.findFirst({ where: { pageId: id }, orderBy: { number: 'desc' }, select: { number: true } });
  if (now.deletedAt)
    return new AppError('conflict', 'This page was moved to the Trash while you were editing. Your text is still here: copy it before leaving.');
  return new AppError(
    'conflict',
    `Someone else saved this page while you were editing (you started from version ${expected}; it is now at version ${now.version}). Your text is still here: copy it, see what they changed, and edit again.`,
    // The latest save's diff (the Trash moves the version without a revision, so the numbers differ).
    { href: `/wiki/${now.slug}/history/${latest?.number ?? ''}`, label: 'See what changed' },
  );
}

/** Applies `change` to page `id` if it is still at version `expected`; records the revision. Answers the new slug. */
export async function applyChange(tx: TenantTx, tenantId: string, id: string, expected: number, change: PageChange, authorId: string): Promise<string> {
  const { count } = await tx.wikiPage.updateMany({
    where: { id, version: expected, deletedAt: null },
    data: { ...change, version: { increment: 1 } },
  });
  if (count === 0) throw await whyNotSaved(tx, id, expected);
  await recordRevision(tx, tenantId, { id, title: change.title, body: change.body }, authorId);
  await notifyPageChanged(tx, tenantId, id, authorId);
  return change.slug;
}

/** Saves the editor's form for the page at `slug`. Answers the page's (possibly new) slug. */
export async function savePage(tenantId: string, authorId: string, slug: string, input: unknown): Promise<{ slug: string }> {
  const edit = parseInput(pageEditInput, input);
  try {
    return await tenantDb(tenantId).$transaction(async (tx) => {
      const page = await requireLivePage(tx, slug);
      const parentId = await resolveParent(tx, edit.parentSlug, page.id);
      const change = { title: edit.title, slug: edit.slug, body: edit.body, parentId };
      return { slug: await applyChange(tx, tenantId, page.id, edit.version, change, authorId) };
    });
  } catch (error) {
    // The only unique key a save can break is (tenant, slug).
    if (isUniqueViolation(error))
      throw new AppError('conflict', `The address "${edit.slug}" belongs to another page (perhaps one in the Trash). Choose another.`);
    throw error;
  }
}
