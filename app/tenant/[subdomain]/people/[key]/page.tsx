import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Avatar } from '@/components/directory/avatar';
import { LocalTime } from '@/components/directory/local-time';
import { OwnPhotoForm } from '@/components/directory/own-photo-form';
import { OwnProfileForm } from '@/components/directory/own-profile-form';
import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { localTime } from '@/lib/directory/local-time';
import { findProfile, type PersonLink } from '@/lib/directory/profile';
import { hasOwnPhoto } from '@/lib/photos/own-photo';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { saveOwnPhoto, saveOwnProfile } from './actions';

type Props = { params: Promise<{ subdomain: string; key: string }> };

// Once per request: the title and the page both need it.
const profileOf = cache(findProfile);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { subdomain, key } = await params;
  const { tenant } = await requireMember(subdomain);
  const profile = await profileOf(tenant.id, decodeURIComponent(key));
  return { title: profile?.name ?? 'Person not found' };
}

function People({ people, empty }: { people: PersonLink[]; empty: string }) {
  if (people.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="space-y-1">
      {people.map((p) => (
        <li key={p.id}>
          <Link href={`/people/${p.id}`}>{p.name}</Link>
          {p.title ? <span className="text-sm text-slate-600"> · {p.title}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function PageList({ pages, label, empty }: { pages: { slug: string; title: string }[]; label: string; empty: string }) {
  return (
    <>
      <h3 className="mt-2 text-sm font-medium text-slate-700">{label}</h3>
      {pages.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul aria-label={label} className="space-y-1 text-sm">
          {pages.map((p) => (
            <li key={p.slug}>
              <Link href={`/wiki/${p.slug}`}>{p.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Provisioned values are Entra's: shown, marked, never edited here (the next cycle would overwrite them). */
function FromEntra() {
  return <p className="mt-2 text-xs text-slate-500">From Microsoft Entra ID · changed there, not here</p>;
}

export default async function ProfilePage({ params }: Props) {
  const { subdomain, key } = await params;
  const { tenant, user } = await requireMember(subdomain);
  const profile = await profileOf(tenant.id, decodeURIComponent(key));
  if (!profile) notFound();
  const { person, name } = profile;
  const { emails, phones, office } = profile.contact;
  const details: [string, string | null][] = [
    ['Employee number', person.employeeNumber],
    ['Cost center', person.costCenter],
    ['Division', person.division],
    ['Organization', person.organization],
    ['User type', person.userType],
    ['Language', person.preferredLanguage],
    ['Time zone', person.timezone],
  ];
  const isSelf = person.id === user.id;
  const timeThere = person.active ? localTime(person.timezone) : null;
  // Their own photo: to upload where the tenant allows it, and always to remove one uploaded earlier.
  const ownPhoto = isSelf ? { allowed: tenant.allowPhotoUpload, uploaded: await hasOwnPhoto(tenant.id, person.id) } : null;
  return (
    <article className="space-y-4">
      {profile.managers.length > 0 ? (
        <Breadcrumbs label="Reports to" trail={profile.managers.map((m) => ({ href: `/people/${m.id}`, label: m.name }))} current={name} />
      ) : profile.managerNotInDirectory ? (
        <p className="text-sm text-slate-600">Reports to: manager not in the directory yet</p>
      ) : null}
      <header className="flex items-center gap-4">
        <Avatar name={name} photoKey={person.photoKey} size="lg" />
        <div>
          <h1 className="text-2xl font-bold">{name}</h1>
          <p className="text-slate-700">{[person.title, person.department].filter(Boolean).join(' · ')}</p>
          {timeThere ? <LocalTime timeZone={person.timezone!} initial={timeThere} /> : null}
          {person.active ? null : <p className="mt-1 inline-block rounded bg-slate-200 px-2 py-0.5 text-sm font-medium text-slate-700">Former employee</p>}
          {person.active ? (
            <p className="mt-1 text-sm">
              <Link href={`/org?person=${person.id}`}>Show in the org chart</Link>
            </p>
          ) : null}
        </div>
      </header>

      <div className="grid gap-4 md:grid-cols-2">
        <Section title="Contact">
          <dl className="space-y-1 text-sm">
            {emails.map((e, i) => (
              <div key={`e${i}`} className="flex gap-2">
                <dt className="w-24 shrink-0 text-slate-600">Email{e.type ? ` (${e.type})` : ''}</dt>
                <dd>
                  <Link href={`mailto:${e.value}`} className="break-all">
                    {e.value}
                  </Link>
                </dd>
              </div>
            ))}
            {phones.map((p, i) => (
              <div key={`p${i}`} className="flex gap-2">
                <dt className="w-24 shrink-0 text-slate-600">Phone{p.type ? ` (${p.type})` : ''}</dt>
                <dd>
                  <Link href={p.href}>{p.value}</Link>
                </dd>
              </div>
            ))}
            {office ? (
              <div className="flex gap-2">
                <dt className="w-24 shrink-0 text-slate-600">Office</dt>
                <dd>{office}</dd>
              </div>
            ) : null}
          </dl>
          {emails.length + phones.length === 0 && !office ? <p className="text-sm text-slate-600">No contact details.</p> : null}
          <FromEntra />
        </Section>
        <Section title="Details">
          <dl className="space-y-1 text-sm">
            {details
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="flex gap-2">
                  <dt className="w-32 shrink-0 text-slate-600">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          <FromEntra />
        </Section>
        <Section title="Direct reports">
          <People people={profile.reports} empty="No direct reports." />
          {profile.reports.length > 0 ? (
            <Link href={`/people?manager=${person.id}`} className="mt-2 inline-block text-sm">
              All direct reports in the directory
            </Link>
          ) : null}
        </Section>
        <Section title="Peers">
          <People people={profile.peers} empty="No peers." />
        </Section>
        <Section title="Teams">
          {profile.groups.length === 0 ? (
            <p className="text-sm text-slate-600">Not in any team.</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {profile.groups.map((g) => (
                <li key={g.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm">
                  <Link href={`/teams/${g.id}`} variant="subtle">
                    {g.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Pages">
          <PageList pages={profile.ownedPages} label="Pages they own" empty="Owns no pages." />
          <PageList pages={profile.mentionedIn} label="Pages that mention them" empty="No page mentions them yet." />
        </Section>
      </div>

      <Section title="About">
        {isSelf ? (
          <div className="space-y-6">
            {ownPhoto && (ownPhoto.allowed || ownPhoto.uploaded) ? <OwnPhotoForm {...ownPhoto} save={saveOwnPhoto} /> : null}
            <OwnProfileForm aboutMe={person.aboutMe ?? ''} skills={person.skills} save={saveOwnProfile} />
          </div>
        ) : (
          <>
            <p className="whitespace-pre-line">{person.aboutMe ?? `${name} has not written anything yet.`}</p>
            {person.skills.length > 0 ? (
              <ul aria-label="Skills" className="mt-2 flex flex-wrap gap-2">
                {person.skills.map((s) => (
                  <li key={s} className="rounded-full bg-indigo-50 px-3 py-1 text-sm text-indigo-800">
                    {s}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
        <p className="mt-2 text-xs text-slate-500">Written by {isSelf ? 'you' : name} in TheOrgWiki</p>
      </Section>
    </article>
  );
}
