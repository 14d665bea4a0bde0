import { z } from 'zod';
import { findTenant } from '../tenancy/tenant-lookup';
import { subdomainSchema } from '../tenancy/subdomain';
import { rememberApexBinding } from './apex-binding';
import { signIn } from './auth';
import { rememberSignInDirectory } from './sign-in-directory';
import { isBinding } from './tenant-session';

const target = z.object({
  tenant: subdomainSchema.optional().catch(undefined),
  binding: z.string().refine(isBinding).optional().catch(undefined),
  next: z.enum(['continue', 'signup']).catch('continue'),
});

/**
 * Off to Microsoft, and back to /auth/continue (or to sign-up): the apex's
 * "Sign in with Microsoft" button, and a tenant's sign-in in one press
 * (app/auth/microsoft). Whatever the input, it can only start a sign-in that
 * comes back to this product; Auth.js makes the state and PKCE verifier.
 */
export async function startMicrosoftSignIn(input: { tenant: unknown; binding: unknown; next: unknown }): Promise<never> {
  const { tenant, binding, next } = target.parse(input);
  const query = new URLSearchParams({ ...(tenant ? { tenant } : {}), ...(tenant && binding ? { binding } : {}) }).toString();
  // The apex issues a ticket for this binding only (lib/auth/apex-binding.ts).
  if (tenant && binding) await rememberApexBinding(binding);
  // Signing in to a company: at its own directory, where its guests are its own (lib/auth/sign-in-directory.ts).
  await rememberSignInDirectory(tenant ? ((await findTenant(tenant))?.entraTenantId ?? null) : null);
  const redirectTo = next === 'signup' ? '/signup' : `/auth/continue${query ? `?${query}` : ''}`;
  // Auth.js answers with a redirect (thrown, as next/navigation's redirect() is).
  return (await signIn('microsoft-entra-id', { redirectTo })) as never;
}
