import { tenantDb, type TenantTx } from '../../db';
import { AppError } from '../../errors';
import { notifyComment } from '../../notifications/notify';
import { requireLivePage } from '../live-page';
import { mentionKeys } from '../mention-keys';
import { parseInput } from '../parse-input';
import { mentionedUserIds } from '../record-revision';
import { commentIdInput, editCommentInput, newCommentInput, resolveInput } from './comment-input';

// Writing comments: a new thread or a reply (telling the page's owner, the
// thread's earlier writers and anyone mentioned, in the same transaction),
// editing and deleting one's own, and resolving a thread (anyone may, as in
// Google Docs and Notion; reopening too).

const NOT_FOUND = 'This comment is gone (deleted, or its page was).';

async function commentOf(tx: TenantTx, id: string) {
  const comment = await tx.pageComment.findUnique({
    where: { id },
    select: { id: true, authorId: true, threadId: true, deletedAt: true, page: { select: { slug: true, deletedAt: true } } },
  });
  if (!comment || comment.deletedAt || comment.page.deletedAt) throw new AppError('not_found', NOT_FOUND);
  return comment;
}

async function ownComment(tx: TenantTx, id: string, userId: string) {
  const comment = await commentOf(tx, id);
  if (comment.authorId !== userId) throw new AppError('forbidden', 'Only its author may change or delete a comment.');
  return comment;
}

/** Adds a comment (a new thread, or a reply to `threadId`); answers the page's slug. */
export async function addComment(tenantId: string, authorId: string, input: unknown): Promise<{ slug: string; id: string }> {
  const { slug, body, threadId } = parseInput(newCommentInput, input);
  return tenantDb(tenantId).$transaction(async (tx) => {
    const page = await requireLivePage(tx, slug);
    let thread: string[] = [];
    if (threadId) {
      const first = await tx.pageComment.findFirst({ where: { id: threadId, pageId: page.id, threadId: null }, select: { id: true } });
      if (!first) throw new AppError('not_found', 'This thread is gone; reload the page.');
      // Those who wrote in the thread and still stand by it (a deleted first comment's author does not).
      const writers = await tx.pageComment.findMany({ where: { OR: [{ id: threadId }, { threadId }], deletedAt: null }, select: { authorId: true } });
      thread = writers.flatMap((w) => (w.authorId ? [w.authorId] : []));
    }
    const comment = await tx.pageComment.create({ data: { tenantId, pageId: page.id, threadId: threadId || null, authorId, body }, select: { id: true } });
    const mentioned = await mentionedUserIds(tx, mentionKeys(body));
    await notifyComment(tx, tenantId, page.id, authorId, { mentioned, thread, ownerId: page.ownerId });
    return { slug: page.slug, id: comment.id };
  });
}

export async function editComment(tenantId: string, userId: string, input: unknown): Promise<{ slug: string }> {
  const { id, body } = parseInput(editCommentInput, input);
  return tenantDb(tenantId).$transaction(async (tx) => {
    const comment = await ownComment(tx, id, userId);
    await tx.pageComment.update({ where: { id }, data: { body, editedAt: new Date() } });
    return { slug: comment.page.slug };
  });
}

/** Deletes one's own comment; a thread's first comment with replies stays as "deleted" so the replies keep their place. */
export async function deleteComment(tenantId: string, userId: string, input: unknown): Promise<{ slug: string }> {
  const { id } = parseInput(commentIdInput, input);
  return tenantDb(tenantId).$transaction(async (tx) => {
    const comment = await ownComment(tx, id, userId);
    const replies = comment.threadId ? 0 : await tx.pageComment.count({ where: { threadId: id } });
    if (replies > 0) await tx.pageComment.update({ where: { id }, data: { body: '', deletedAt: new Date() } });
    else await tx.pageComment.delete({ where: { id } });
    // The last reply under a deleted first comment takes the empty thread with it.
    if (comment.threadId) await tx.pageComment.deleteMany({ where: { id: comment.threadId, deletedAt: { not: null }, replies: { none: {} } } });
    return { slug: comment.page.slug };
  });
}

export async function resolveThread(tenantId: string, userId: string, input: unknown): Promise<{ slug: string }> {
  const { id, resolved } = parseInput(resolveInput, input);
  return tenantDb(tenantId).$transaction(async (tx) => {
    const first = await tx.pageComment.findUnique({ where: { id }, select: { threadId: true, page: { select: { slug: true, deletedAt: true } } } });
    if (!first || first.page.deletedAt) throw new AppError('not_found', NOT_FOUND);
    if (first.threadId) throw new AppError('invalid_input', 'Resolve the thread, not a reply in it.');
    await tx.pageComment.update({
      where: { id },
      data: resolved === 'yes' ? { resolvedAt: new Date(), resolvedById: userId } : { resolvedAt: null, resolvedById: null },
    });
    return { slug: first.page.slug };
  });
}
