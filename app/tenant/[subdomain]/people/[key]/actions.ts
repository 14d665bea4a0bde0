'use server';

import { revalidatePath } from 'next/cache';
import { updateOwnProfile } from '@/lib/directory/profile';
import { requireMemberAction } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';

export type SaveResult = { ok: true } | { ok: false; error: string } | null;

/** "About me" and skills, of whoever is signed in: the form names no person, so nobody can edit another. */
export async function saveOwnProfile(_previous: SaveResult, formData: FormData): Promise<SaveResult> {
  const { tenant, user } = await requireMemberAction();
  try {
    await updateOwnProfile(tenant.id, user.id, { aboutMe: formData.get('aboutMe') ?? '', skills: formData.get('skills') ?? '' });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
  revalidatePath('/', 'layout');
  return { ok: true };
}
