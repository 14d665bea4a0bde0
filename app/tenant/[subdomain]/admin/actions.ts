'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { setRole } from '@/lib/admin/members';
import { updateAlertSettings } from '@/lib/alerts/alert-settings';
import { syncPhotosNow } from '@/lib/admin/photo-status';
import { updateSettings } from '@/lib/admin/settings';
import { requireAdminAction } from '@/lib/auth/guard';
import { attempt, type ActionResult, type TokenResult } from '@/lib/action-result';
import { createServiceAccount, deleteServiceAccount, generateToken, revokeToken } from '@/lib/tokens/service-accounts';
import { deleteTemplate, saveTemplate } from '@/lib/wiki/templates/templates';

// The Admin Console's actions. Each one re-checks on the server that the
// caller is an admin of the tenant whose host it was sent to; ids in the
// arguments are looked up within that tenant only, so a forged id names nothing.

/** The work, then every page shows what it changed. */
async function run<T extends { ok: true }>(work: () => Promise<T>): Promise<T | { ok: false; error: string }> {
  const result = await attempt(work);
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function saveSettings(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  return run(async () => {
    await updateSettings(tenant, actor, {
      displayName: formData.get('displayName'),
      signInPolicy: formData.get('signInPolicy'),
      allowPhotoUpload: formData.get('allowPhotoUpload'),
    });
    return { ok: true, message: 'Settings saved.' };
  });
}

export async function saveAlertSettings(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  return run(async () => {
    await updateAlertSettings(tenant, actor, {
      enabled: formData.get('enabled'),
      recipientIds: formData.getAll('recipientIds'),
      silenceHours: formData.get('silenceHours'),
      failurePercent: formData.get('failurePercent'),
    });
    return { ok: true, message: 'Alert settings saved.' };
  });
}

export async function syncPhotos(): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  return run(async () => {
    await syncPhotosNow(tenant, actor);
    return { ok: true, message: 'Queued: photos are being checked against Microsoft 365 now.' };
  });
}

export async function addServiceAccount(_previous: TokenResult | null, formData: FormData): Promise<TokenResult> {
  const { tenant, actor } = await requireAdminAction();
  return run(async () => {
    const created = await createServiceAccount(tenant.id, actor, { name: formData.get('name'), kind: formData.get('kind') });
    return { ok: true, token: created.token, tokenId: created.record.id, accountId: created.record.serviceAccountId, tokenName: created.record.name };
  });
}

export async function addToken(_previous: TokenResult | null, formData: FormData): Promise<TokenResult> {
  const { tenant, actor } = await requireAdminAction();
  const days = String(formData.get('expiresInDays') ?? 'never');
  return run(async () => {
    const accountId = String(formData.get('accountId') ?? '');
    const created = await generateToken(tenant.id, actor, accountId, { name: formData.get('name'), expiresInDays: days === 'never' ? null : Number(days) });
    return { ok: true, token: created.token, tokenId: created.record.id, accountId, tokenName: created.record.name };
  });
}

export async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  return run(async () => {
    await revokeToken(tenant.id, actor, String(tokenId));
    return { ok: true, message: 'Token revoked.' };
  });
}

export async function deleteServiceAccountAction(accountId: string): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  return run(async () => {
    await deleteServiceAccount(tenant.id, actor, String(accountId));
    return { ok: true, message: 'Service account deleted.' };
  });
}

export async function setRoleAction(userId: string, role: string): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  return run(async () => {
    await setRole(tenant.id, actor, String(userId), role);
    return { ok: true };
  });
}

export async function saveTemplateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  const id = String(formData.get('id') ?? '');
  const result = await run(async () => {
    await saveTemplate(tenant.id, actor, id, { name: formData.get('name'), description: formData.get('description') ?? '', body: formData.get('body') ?? '' });
    return { ok: true as const };
  });
  // Back to the list, which shows it; a refusal stays on the form with the text as it was.
  if (result.ok) redirect('/admin/settings/templates?saved=1');
  return result;
}

export async function deleteTemplateAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { tenant, actor } = await requireAdminAction();
  return run(async () => {
    await deleteTemplate(tenant.id, actor, String(formData.get('id') ?? ''));
    return { ok: true, message: 'Template deleted.' };
  });
}
