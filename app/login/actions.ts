'use server';

import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';
import { subdomainSchema } from '@/lib/tenancy/subdomain';

const target = z.object({ tenant: subdomainSchema.optional().catch(undefined), next: z.enum(['continue', 'signup']).catch('continue') });

/** "Sign in with Microsoft": off to Microsoft, and back to /auth/continue (or to sign-up). */
export async function signInWithMicrosoft(formData: FormData): Promise<void> {
  const { tenant, next } = target.parse({ tenant: formData.get('tenant') || undefined, next: formData.get('next') });
  const redirectTo = next === 'signup' ? '/signup' : `/auth/continue${tenant ? `?tenant=${tenant}` : ''}`;
  await signIn('microsoft-entra-id', { redirectTo });
}
