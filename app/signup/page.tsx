import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/layout/site-header';
import { signedInIdentity } from '@/lib/auth/auth';
import { directoryHasTenant } from '@/lib/auth/sign-up';
import { getConfig } from '@/lib/config';
import { organizationName } from '@/lib/graph/organization-name';
import { MicrosoftButton } from '../login/microsoft-button';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Sign-up for TheOrgWiki' };
export const dynamic = 'force-dynamic';

export default async function SignUpPage() {
  const identity = await signedInIdentity();
  // A directory that already has a tenant goes to it instead of making a second.
  if (identity && (await directoryHasTenant(identity.tid))) redirect('/auth/continue');
  return (
    <>
      <SiteHeader title="TheOrgWiki" />
      <main className="mx-auto max-w-xl px-4 py-12">
        <h1 className="text-3xl font-bold">Sign-up for TheOrgWiki</h1>
        {identity ? (
          <>
            <p className="mt-2 text-slate-600">
              Signed in as <strong>{identity.name}</strong> ({identity.userName}). Your company will be tied to your Microsoft directory, and
              you will be its first admin.
            </p>
            <SignUpForm defaultName={(await organizationName(identity.tid)) ?? ''} rootDomain={getConfig().ROOT_DOMAIN} />
          </>
        ) : (
          <>
            <p className="mt-2 text-slate-600">First sign in with your Microsoft work account; then choose your company&apos;s name and address.</p>
            <div className="mt-6">
              <MicrosoftButton next="signup" />
            </div>
          </>
        )}
      </main>
    </>
  );
}
