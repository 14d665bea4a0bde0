'use server';

import { revalidatePath } from 'next/cache';
import { requireAdminAction } from '@/lib/auth/guard';
import { describeTeam } from '@/lib/directory/teams';
import { AppError } from '@/lib/errors';

export type DescribeResult = { ok: true } | { ok: false; error: string } | null;

export async function saveTeamDescription(_previous: DescribeResult, formData: FormData): Promise<DescribeResult> {
  const { tenant, actor } = await requireAdminAction();
  try {
    await describeTeam(tenant.id, actor, String(formData.get('teamId') ?? ''), formData.get('description') ?? '');
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
  revalidatePath('/', 'layout');
  return { ok: true };
}
