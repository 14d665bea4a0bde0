import type { TenantTx } from '../db';

// What puts something under a person's bell. Called inside the transaction of
// the change it reports, so a notification never tells of a change that
// rolled back. Nobody is told about what they did themselves.

/** People newly mentioned on a page. */
export async function notifyMentioned(tx: TenantTx, tenantId: string, pageId: string, userIds: string[], actorId: string | null): Promise<void> {
  const others = userIds.filter((id) => id !== actorId);
  if (others.length === 0) return;
  await tx.notification.createMany({ data: others.map((userId) => ({ tenantId, userId, kind: 'mentioned' as const, pageId, actorId })) });
}

/**
 * The page's owner, when someone else changed it. Edits come in bursts: while
 * the owner has not read the last one, it is brought up to date instead of
 * another being added.
 */
export async function notifyPageChanged(tx: TenantTx, tenantId: string, pageId: string, actorId: string): Promise<void> {
  const page = await tx.wikiPage.findUnique({ where: { id: pageId }, select: { owner: { select: { id: true, active: true } } } });
  const owner = page?.owner;
  if (!owner?.active || owner.id === actorId) return;
  const { count } = await tx.notification.updateMany({
    where: { userId: owner.id, pageId, kind: 'page_changed', readAt: null },
    data: { actorId, createdAt: new Date(), emailedAt: null },
  });
  if (count === 0) await tx.notification.create({ data: { tenantId, userId: owner.id, kind: 'page_changed', pageId, actorId } });
}

/** Someone made the owner of a page by another (the owner left, and a colleague chose them). */
export async function notifyOwnerMade(tx: TenantTx, tenantId: string, pageId: string, ownerId: string, actorId: string): Promise<void> {
  if (ownerId === actorId) return;
  await tx.notification.create({ data: { tenantId, userId: ownerId, kind: 'page_owned', pageId, actorId } });
}

/**
 * A new comment: those mentioned in it, those who wrote in its thread before
 * (a reply), and the page's owner, each told once, in that order of kinds.
 */
export async function notifyComment(
  tx: TenantTx,
  tenantId: string,
  pageId: string,
  actorId: string,
  to: { mentioned: string[]; thread: string[]; ownerId: string | null },
): Promise<void> {
  const told = new Set([actorId]);
  const data: { tenantId: string; userId: string; kind: 'mentioned' | 'replied' | 'commented'; pageId: string; actorId: string }[] = [];
  const tell = (ids: (string | null)[], kind: (typeof data)[number]['kind']) => {
    for (const userId of ids) {
      if (!userId || told.has(userId)) continue;
      told.add(userId);
      data.push({ tenantId, userId, kind, pageId, actorId });
    }
  };
  tell(to.mentioned, 'mentioned');
  tell(to.thread, 'replied');
  tell([to.ownerId], 'commented');
  if (data.length === 0) return;
  // People who left are not told (as for a changed page).
  const active = new Set((await tx.user.findMany({ where: { id: { in: data.map((d) => d.userId) }, active: true }, select: { id: true } })).map((u) => u.id));
  const kept = data.filter((d) => active.has(d.userId));
  if (kept.length > 0) await tx.notification.createMany({ data: kept });
}
