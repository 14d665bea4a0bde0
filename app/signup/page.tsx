import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CopyButton } from '@/components/admin/copy-button';
import { SiteHeader } from '@/components/layout/site-header';
import { Link } from '@/components/ui/link';
import { signedInIdentity } from '@/lib/auth/auth';
import type { EntraIdentity } from '@/lib/auth/entra-provider';
import { DIRECTORY_ADMIN_ROLES } from '@/lib/auth/entra-ids';
import { adminConsentUrl } from '@/lib/auth/microsoft-urls';
import { signUpStanding } from '@/lib/auth/sign-up';
import { getConfig } from '@/lib/config';
import { organizationName } from '@/lib/graph/organization-name';
import { siteOrigin } from '@/lib/tenancy/host';
import { MicrosoftButton } from '../login/microsoft-button';
import { SignUpForm } from './signup-form';
import { TakeOverForm } from './take-over-form';

export const metadata: Metadata = { title: 'Sign-up for TheOrgWiki' };
export const dynamic = 'force-dynamic';

const ADMIN_ROLES = Object.values(DIRECTORY_ADMIN_ROLES).join(', ');

function SignedInAs({ identity }: { identity: EntraIdentity }) {
  return (
    <p className="mt-2 text-slate-600">
      Signed in as <strong>{identity.name}</strong> ({identity.userName}).
    </p>
  );
}

/** Who can sign up the company, and the link to send them (docs/sign-in.md). */
function AskYourAdmin({ identity }: { identity: EntraIdentity }) {
  const link = `${siteOrigin(getConfig().ROOT_DOMAIN)}/signup`;
  return (
    <>
      <SignedInAs identity={identity} />
      <div role="status" className="mt-4 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
        <p>Only an administrator of your Microsoft directory can sign up your company, because the company&apos;s TheOrgWiki is tied to the whole directory.</p>
        <p>Ask someone with one of these roles in Microsoft Entra ID: {ADMIN_ROLES}. Send them this link; they sign in there with their own account.</p>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-slate-100 px-2 py-1 text-sm">{link}</code>
        <CopyButton value={link} label="Copy link" />
      </div>
    </>
  );
}

/** The directory admin's form; the company's name comes from Microsoft Graph once they have granted admin consent. */
async function NewCompany({ identity }: { identity: EntraIdentity }) {
  const name = await organizationName(identity.tid);
  return (
    <>
      <SignedInAs identity={identity} />
      <p className="text-slate-600">Your company will be tied to your Microsoft directory, and you will be its first admin.</p>
      {name ? null : (
        <p className="mt-3 text-sm text-slate-600">
          Optional:{' '}
          <Link href={adminConsentUrl(identity.tid)} className="font-medium">
            grant admin consent
          </Link>{' '}
          so that TheOrgWiki can read your organization&apos;s name from Microsoft (the Organization.Read.All permission), and it is filled in below.
        </p>
      )}
      <SignUpForm defaultName={name ?? ''} rootDomain={getConfig().ROOT_DOMAIN} />
    </>
  );
}

export default async function SignUpPage() {
  const identity = await signedInIdentity();
  const standing = identity ? await signUpStanding(identity) : null;
  // A directory that already has a tenant goes to it instead of making a second.
  if (standing?.kind === 'has_tenant') redirect('/auth/continue');
  return (
    <>
      <SiteHeader title="TheOrgWiki" />
      <main className="mx-auto max-w-xl px-4 py-12">
        <h1 className="text-3xl font-bold">Sign-up for TheOrgWiki</h1>
        {!identity || !standing ? (
          <>
            <p className="mt-2 text-slate-600">
              First sign in with your Microsoft work account; you need to be an administrator of your company&apos;s directory. Then choose your company&apos;s
              name and address.
            </p>
            <div className="mt-6">
              <MicrosoftButton next="signup" />
            </div>
          </>
        ) : standing.kind === 'personal_account' ? (
          <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
            That is a personal Microsoft account. TheOrgWiki is for companies: sign in with your work account.
          </p>
        ) : standing.kind === 'not_admin' ? (
          <AskYourAdmin identity={identity} />
        ) : standing.kind === 'may_take_over' ? (
          <>
            <SignedInAs identity={identity} />
            <p className="mt-4">
              Your Microsoft directory already has TheOrgWiki at <strong>{standing.tenant.subdomain}</strong> ({standing.tenant.displayName}). Nobody known to
              be a directory administrator signed it up, or it has no active admin left. As a directory administrator you can take it over:
            </p>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              <li>you become its admin, and everyone who was an admin becomes a member;</li>
              <li>its SCIM tokens stop working: mint a new one in the Admin Console and paste it into Microsoft Entra ID;</li>
              <li>the company&apos;s audit log records the takeover.</li>
            </ul>
            <TakeOverForm company={standing.tenant.displayName} />
            {/* A route handler, not a page: a plain link, so that next/link never fetches (or prefetches) it. */}
            <Link href="/auth/continue" reload className="mt-4 inline-block font-medium">
              Go to {standing.tenant.displayName} without taking it over
            </Link>
          </>
        ) : (
          <NewCompany identity={identity} />
        )}
      </main>
    </>
  );
}
