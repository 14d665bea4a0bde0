import { SiteHeader } from '@/components/layout/site-header';
import { Link } from '@/components/ui/link';

export default function LandingPage() {
  return (
    <>
      <SiteHeader title="TheOrgWiki" />
      <main className="mx-auto max-w-5xl px-4 py-16">
        <h1 className="text-4xl font-bold tracking-tight">Your company, findable.</h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600">
          TheOrgWiki is the employee wiki that Microsoft Entra ID keeps up to date: a people directory, profiles, an org chart, teams and pages, for everyone in
          your company.
        </p>
        <section aria-labelledby="signup" className="mt-10 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="signup" className="text-xl font-semibold">
            New to TheOrgWiki?
          </h2>
          <p className="mt-2 text-slate-600">
            Sign in with your Microsoft work account, choose your company&apos;s subdomain, and connect Entra ID provisioning from the Admin Console.
          </p>
          {/* A full page load: /signup may hand a signed-in person on, which a client-side fetch must not do. */}
          <Link href="/signup" reload variant="button" className="mt-4">
            Sign-up for TheOrgWiki
          </Link>
        </section>
      </main>
    </>
  );
}
