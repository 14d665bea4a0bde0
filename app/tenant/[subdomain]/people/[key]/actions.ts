'use server';

import { revalidatePath } from 'next/cache';
import { attempt, type ActionResult } from '@/lib/action-result';
import { requireMemberAction } from '@/lib/auth/guard';
import { updateOwnProfile } from '@/lib/directory/profile';

/** "About me" and skills, of whoever is signed in: the form names no person, so nobody can edit another. */
export async function saveOwnProfile(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  const result = await attempt(async () => {
    await updateOwnProfile(tenant.id, user.id, { aboutMe: formData.get('aboutMe') ?? '', skills: formData.get('skills') ?? '' });
    return { ok: true as const, message: 'Saved.' };
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
