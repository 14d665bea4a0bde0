import type { Metadata } from 'next';
import { z } from 'zod';
import { MicrosoftButton } from './microsoft-button';
import { SiteHeader } from '@/components/layout/site-header';
import { isSignInConfigured } from '@/lib/auth/auth';
import { isBinding } from '@/lib/auth/tenant-session';
import { subdomainSchema } from '@/lib/tenancy/subdomain';

export const metadata: Metadata = { title: 'Login' };

const query = z.object({
  tenant: subdomainSchema.optional().catch(undefined),
  binding: z.string().refine(isBinding).optional().catch(undefined),
  error: z.string().max(64).optional().catch(undefined),
});

// Auth.js's error codes say little (a bad state and a server fault are both
// "Configuration"), and its log has the detail; people get one plain sentence.
function problem(error: string | undefined): string | null {
  if (!error) return null;
  if (error === 'unknown_tenant') return 'No company uses that address. Check the link, or sign up your company.';
  if (error === 'personal_account') return 'That is a personal Microsoft account. TheOrgWiki is for companies: sign in with your work account.';
  return 'Microsoft sign-in did not complete, so nobody was signed in. Please try again.';
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const { tenant, binding, error } = query.parse(await searchParams);
  const message = problem(error);
  return (
    <>
      <SiteHeader title="TheOrgWiki" />
      <main className="mx-auto max-w-md px-4 py-16">
        <h1 className="text-2xl font-bold">Sign in to {tenant ? <span>{tenant}</span> : 'TheOrgWiki'}</h1>
        <p className="mt-2 text-slate-600">Use your Microsoft work account.</p>
        {message ? (
          <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
            {message}
          </p>
        ) : null}
        <div className="mt-6">
          {isSignInConfigured() ? (
            <MicrosoftButton tenant={tenant} binding={binding} />
          ) : (
            <p>Sign-in with Microsoft is not set up on this server yet (see README, Configuration).</p>
          )}
        </div>
      </main>
    </>
  );
}
