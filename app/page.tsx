import { SiteHeader } from '@/components/layout/site-header';
import { Link } from '@/components/ui/link';

/** Pictures of the demo company (npm run demo), in public/assets. */
const SHOTS = [
  {
    src: '/assets/landing-directory.webp',
    alt: 'The people directory: a search box, filters by department, office, team and status, and people with their photos, titles and offices.',
    caption: 'Everyone, with their photo from Microsoft 365, found by name, title, skill or phone number.',
  },
  {
    src: '/assets/landing-org-chart.webp',
    alt: 'The org chart: people as cards with photo, title and how many report to them, expanded under their manager.',
    caption: 'Who reports to whom, kept up to date by Microsoft Entra ID.',
  },
];

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
        <div className="mt-10 grid gap-6 md:grid-cols-2">
          {SHOTS.map((shot) => (
            <figure key={shot.src} className="min-w-0">
              {/* eslint-disable-next-line @next/next/no-img-element -- two static pictures, already sized and compressed */}
              <img src={shot.src} alt={shot.alt} width={960} height={713} className="h-auto w-full rounded-lg border border-slate-200 shadow-sm" />
              <figcaption className="mt-2 text-sm text-slate-600">{shot.caption}</figcaption>
            </figure>
          ))}
        </div>
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
