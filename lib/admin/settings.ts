import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-event';
import { platformDb, tenantDb, type Tenant } from '../db';
import { AppError } from '../errors';
import { forgetTenant } from '../tenancy/tenant-lookup';

// The Settings tab: what an admin may change about their tenant. The
// subdomain and the bound directory are fixed (Entra stores the SCIM URL, and
// the directory decides who may sign in).

export const SIGN_IN_POLICIES = [
  { value: 'automatic', label: 'Anyone in our Microsoft directory until provisioning starts; then provisioned people only' },
  { value: 'provisioned_only', label: 'Only people Microsoft Entra ID provisions' },
  { value: 'directory', label: 'Anyone in our Microsoft directory' },
] as const;

const settingsInput = z.object({
  displayName: z.string().trim().min(1, 'Enter the organization name.').max(120, 'At most 120 characters.'),
  signInPolicy: z.enum(SIGN_IN_POLICIES.map((p) => p.value) as [Tenant['signInPolicy'], ...Tenant['signInPolicy'][]], { message: 'Choose who may sign in.' }),
  // A checkbox: sent as "on" when ticked, absent when not.
  allowPhotoUpload: z
    .literal('on')
    .nullish()
    .transform((value) => value === 'on'),
});

export async function updateSettings(
  cached: Tenant,
  actor: Actor,
  input: { displayName: unknown; signInPolicy: unknown; allowPhotoUpload?: unknown },
): Promise<Tenant> {
  const parsed = settingsInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0].message);
  // Compared with the row itself, not a cached copy another instance may have outdated.
  const tenant = (await platformDb.findTenantBySubdomain(cached.subdomain)) ?? cached;
  const changes: Record<string, string> = {};
  if (parsed.data.displayName !== tenant.displayName) changes.displayName = `${tenant.displayName} → ${parsed.data.displayName}`;
  if (parsed.data.signInPolicy !== tenant.signInPolicy) changes.signInPolicy = `${tenant.signInPolicy} → ${parsed.data.signInPolicy}`;
  if (parsed.data.allowPhotoUpload !== tenant.allowPhotoUpload) changes.allowPhotoUpload = `${tenant.allowPhotoUpload} → ${parsed.data.allowPhotoUpload}`;
  if (Object.keys(changes).length === 0) return tenant;
  const updated = await platformDb.updateTenantSettings(tenant.id, parsed.data);
  await recordAuditEvent(tenantDb(tenant.id), tenant.id, { actor, action: 'settings.update', details: changes });
  await forgetTenant(tenant.subdomain);
  return updated;
}
