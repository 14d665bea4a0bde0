'use server';

import { attempt, type ActionResult } from '@/lib/action-result';
import { requireMemberAction } from '@/lib/auth/guard';
import { markAllRead, setDigest } from '@/lib/notifications/inbox';

// The bell's actions: on the signed-in person's own notifications only (the person comes from the session).

export async function markAllReadAction(): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  return attempt(async () => {
    await markAllRead(tenant.id, user.id);
    return { ok: true, message: 'All read.' };
  });
}

export async function setDigestAction(on: boolean): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  return attempt(async () => {
    await setDigest(tenant.id, user.id, on);
    return { ok: true, message: on ? 'You will get a daily digest of what you have not read.' : 'No more digests.' };
  });
}
