'use server';

import { revalidatePath } from 'next/cache';
import { attempt, type ActionResult } from '@/lib/action-result';
import { requireAdminAction } from '@/lib/auth/guard';
import { describeTeam } from '@/lib/directory/teams';

export async function saveTeamDescription(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  const result = await attempt(async () => {
    await describeTeam(tenant.id, actor, String(formData.get('teamId') ?? ''), formData.get('description') ?? '');
    return { ok: true as const, message: 'Saved.' };
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
