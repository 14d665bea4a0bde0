'use server';

import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';
import { isBinding } from '@/lib/auth/tenant-session';
import { subdomainSchema } from '@/lib/tenancy/subdomain';

const target = z.object({
  tenant: subdomainSchema.optional().catch(undefined),
  binding: z.string().refine(isBinding).optional().catch(undefined),
  next: z.enum(['continue', 'signup']).catch('continue'),
});

/** "Sign in with Microsoft": off to Microsoft, and back to /auth/continue (or to sign-up). */
export async function signInWithMicrosoft(formData: FormData): Promise<void> {
  const { tenant, binding, next } = target.parse({ tenant: formData.get('tenant') || undefined, binding: formData.get('binding') || undefined, next: formData.get('next') });
  const query = new URLSearchParams({ ...(tenant ? { tenant } : {}), ...(tenant && binding ? { binding } : {}) }).toString();
  const redirectTo = next === 'signup' ? '/signup' : `/auth/continue${query ? `?${query}` : ''}`;
  await signIn('microsoft-entra-id', { redirectTo });
}
