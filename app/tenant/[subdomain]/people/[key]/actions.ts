'use server';

import { revalidatePath } from 'next/cache';
import { attempt, type ActionResult } from '@/lib/action-result';
import { requireMemberAction } from '@/lib/auth/guard';
import { updateOwnProfile } from '@/lib/directory/profile';
import { removeOwnPhoto, uploadOwnPhoto } from '@/lib/photos/own-photo';

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

/** The signed-in person's own photo, where the tenant allows it (lib/photos/own-photo.ts). */
export async function saveOwnPhoto(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  const remove = formData.get('intent') === 'remove';
  const result = await attempt(async () => {
    if (remove) await removeOwnPhoto(tenant, user.id);
    else await uploadOwnPhoto(tenant, user.id, formData.get('photo'));
    return { ok: true as const, message: remove ? 'Photo removed.' : 'Photo saved.' };
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
