import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { TeamDescriptionForm } from '@/components/directory/team-description-form';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { findTeam, TEAM_MEMBERS_SHOWN } from '@/lib/directory/teams';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { saveTeamDescription } from './actions';

type Props = { params: Promise<{ subdomain: string; id: string }> };

// Once per request: the title and the page both need it.
const teamOf = cache(findTeam);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { subdomain, id } = await params;
  const { tenant } = await requireMember(subdomain);
  return { title: (await teamOf(tenant.id, id))?.name ?? 'Team not found' };
}

export default async function TeamPage({ params }: Props) {
  const { subdomain, id } = await params;
  const { tenant, user } = await requireMember(subdomain);
  const team = await teamOf(tenant.id, id);
  if (!team) notFound();
  return (
    <article className="space-y-4">
      <Breadcrumbs trail={[{ href: '/teams', label: 'Teams' }]} />
      <h1 className="text-2xl font-bold">{team.name}</h1>
      {user.role === 'admin' ? (
        <TeamDescriptionForm teamId={team.id} description={team.description ?? ''} save={saveTeamDescription} />
      ) : (
        <p className="text-slate-700">{team.description ?? 'No description yet.'}</p>
      )}
      <section aria-labelledby="members">
        <h2 id="members" className="mb-2 font-semibold">
          Members ({team.members})
        </h2>
        {team.people.length === 0 ? (
          <p className="text-sm text-slate-600">No active members.</p>
        ) : (
          <ul aria-label="Members" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {team.people.map((person) => (
              <li key={person.id} className="flex flex-col gap-0.5 px-4 py-2 sm:flex-row sm:items-baseline sm:justify-between">
                <span>
                  <Link href={`/people/${person.id}`} variant="subtle" className="font-medium">
                    {person.name}
                  </Link>
                  {person.title ? <span className="text-sm text-slate-600"> · {person.title}</span> : null}
                </span>
                {person.manager ? (
                  <span className="text-sm text-slate-600">
                    Manager:{' '}
                    <Link href={`/people/${person.manager.id}`} variant="subtle">
                      {person.manager.name}
                    </Link>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {team.members > TEAM_MEMBERS_SHOWN ? <p className="mt-2 text-sm text-slate-600">Showing the first {TEAM_MEMBERS_SHOWN}.</p> : null}
      </section>
    </article>
  );
}
