import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { Link } from '@/components/ui/link';
import { currentUser } from '@/lib/auth/guard';
import { microsoftSignOutUrl } from '@/lib/auth/microsoft-urls';
import { requireTenant } from '@/lib/tenancy/get-tenant';

export const metadata: Metadata = { title: 'Login' };

// Why someone is here, in words they can act on.
const REASONS = {
  wrong_directory: 'This company signs in with a different Microsoft directory. Sign in with your account at this company.',
  deactivated: 'Your account at this company has been deactivated. Ask your administrator if you think this is a mistake.',
  not_provisioned:
    'Your Microsoft account has not been given access to this company yet. Ask your administrator to assign you to TheOrgWiki in Microsoft Entra ID.',
  personal_account: 'That is a personal Microsoft account. Sign in with your work account at this company.',
  unmatched:
    'Your Microsoft account could not be matched safely to your profile here, so nobody was signed in. Ask your administrator: the Admin Console explains how to fix this.',
  expired: 'That sign-in link has expired or was already used. Please sign in again.',
} as const;

// signed_out: 1 when the person signed out, `deactivated` when Entra deactivated them (lib/auth/guard.ts).
const query = z.object({
  refused: z
    .enum(Object.keys(REASONS) as [keyof typeof REASONS])
    .optional()
    .catch(undefined),
  signed_out: z.enum(['1', 'deactivated']).optional().catch(undefined),
});

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TenantLoginPage({ params, searchParams }: Props) {
  const tenant = await requireTenant((await params).subdomain);
  const { refused, signed_out } = query.parse(await searchParams);
  if (!refused && (await currentUser(tenant))) redirect('/');
  const signIn = '/auth/start';
  const deactivated = signed_out === 'deactivated';
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="text-2xl font-bold">
        {deactivated ? 'Your account has been deactivated' : refused ? 'You cannot enter' : `Sign in to ${tenant.displayName}`}
      </h1>
      {refused ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
          {REASONS[refused]}
        </p>
      ) : null}
      {deactivated ? (
        <div role="alert" className="mt-4 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
          <p>Your account has been deactivated by your organisation&apos;s administrator, so you have been signed out of {tenant.displayName}.</p>
          <p>If you still need access, ask your IT administrator to reactivate your account in Microsoft Entra ID. Once they have, sign in again.</p>
        </div>
      ) : null}
      {signed_out === '1' && tenant.entraTenantId ? (
        <p className="mt-4 text-slate-700">
          You are signed out of {tenant.displayName}. On a shared computer,{' '}
          <Link href={microsoftSignOutUrl(tenant.entraTenantId)} className="font-medium">
            sign out of Microsoft too
          </Link>
          , so that the next person is not signed back in as you.
        </p>
      ) : null}
      <p className="mt-4 text-slate-600">{tenant.displayName} signs in with Microsoft work accounts.</p>
      {/* A route handler (it starts the sign-in and leaves for Microsoft): a full page load. */}
      <Link href={signIn} reload variant="button" className="mt-6">
        Sign in with Microsoft
      </Link>
    </div>
  );
}
