import type { Metadata } from 'next';
import { SiteHeader } from '@/components/layout/site-header';
import { Link } from '@/components/ui/link';

export const metadata: Metadata = { title: 'Signed out' };

// Where Microsoft's sign-out sends the browser back (lib/auth/microsoft-urls.ts).
export default function SignedOutPage() {
  return (
    <>
      <SiteHeader title="TheOrgWiki" />
      <main className="mx-auto max-w-md px-4 py-16">
        <h1 className="text-2xl font-bold">You are signed out</h1>
        <p className="mt-2 text-slate-600">You are signed out of TheOrgWiki and of your Microsoft account in this browser. You can close this window.</p>
        <Link href="/login" className="mt-6 inline-block font-medium">
          Sign in again
        </Link>
      </main>
    </>
  );
}
