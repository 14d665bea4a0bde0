import { isUuid, type TenantTx } from '../db';
import { notifyMentioned } from '../notifications/notify';
import { mentionKeys } from './mention-keys';

// Every change to a page's text goes through here, inside the transaction that
// changes the page: the revision and the mentions can never disagree with the
// page readers see. People mentioned for the first time are notified.

/** The people of this tenant that `keys` (ids or userNames) name; keys of nobody are ignored. */
export async function mentionedUserIds(tx: TenantTx, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const ids = keys.filter(isUuid);
  const userNames = keys.filter((key) => !isUuid(key));
  const users = await tx.user.findMany({ where: { OR: [{ id: { in: ids } }, { userName: { in: userNames } }] }, select: { id: true } });
  return users.map((u) => u.id);
}

/** Replaces the page's mention rows with the people `body` links to; answers those it did not mention before. */
async function rewriteMentions(tx: TenantTx, tenantId: string, pageId: string, body: string): Promise<string[]> {
  const userIds = await mentionedUserIds(tx, mentionKeys(body));
  const before = await tx.pageMention.findMany({ where: { pageId }, select: { userId: true } });
  await tx.pageMention.deleteMany({ where: { pageId } });
  if (userIds.length > 0) await tx.pageMention.createMany({ data: userIds.map((userId) => ({ tenantId, pageId, userId })) });
  const had = new Set(before.map((m) => m.userId));
  return userIds.filter((id) => !had.has(id));
}

/**
 * Records the page's new text as its next revision and rewrites its mentions.
 * Call after updating the page row in the same transaction: that update holds
 * the row's lock, so two saves cannot take the same revision number.
 */
export async function recordRevision(
  tx: TenantTx,
  tenantId: string,
  page: { id: string; title: string; body: string },
  authorId: string | null,
): Promise<number> {
  const last = await tx.pageRevision.aggregate({ where: { pageId: page.id }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  await tx.pageRevision.create({ data: { tenantId, pageId: page.id, number, title: page.title, body: page.body, authorId } });
  const mentioned = await rewriteMentions(tx, tenantId, page.id, page.body);
  await notifyMentioned(tx, tenantId, page.id, mentioned, authorId);
  return number;
}
