'use server';

import { z } from 'zod';
import { rememberApexBinding } from '@/lib/auth/apex-binding';
import { signIn } from '@/lib/auth/auth';
import { rememberSignInDirectory } from '@/lib/auth/sign-in-directory';
import { findTenant } from '@/lib/tenancy/tenant-lookup';
import { isBinding } from '@/lib/auth/tenant-session';
import { subdomainSchema } from '@/lib/tenancy/subdomain';

const target = z.object({
  tenant: subdomainSchema.optional().catch(undefined),
  binding: z.string().refine(isBinding).optional().catch(undefined),
  next: z.enum(['continue', 'signup']).catch('continue'),
});

/** "Sign in with Microsoft": off to Microsoft, and back to /auth/continue (or to sign-up). */
export async function signInWithMicrosoft(formData: FormData): Promise<void> {
  const { tenant, binding, next } = target.parse({
    tenant: formData.get('tenant') || undefined,
    binding: formData.get('binding') || undefined,
    next: formData.get('next'),
  });
  const query = new URLSearchParams({ ...(tenant ? { tenant } : {}), ...(tenant && binding ? { binding } : {}) }).toString();
  // The apex issues a ticket for this binding only (lib/auth/apex-binding.ts).
  if (tenant && binding) await rememberApexBinding(binding);
  // Signing in to a company: at its own directory, where its guests are its own (lib/auth/sign-in-directory.ts).
  await rememberSignInDirectory(tenant ? ((await findTenant(tenant))?.entraTenantId ?? null) : null);
  const redirectTo = next === 'signup' ? '/signup' : `/auth/continue${query ? `?${query}` : ''}`;
  await signIn('microsoft-entra-id', { redirectTo });
}
