import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { listTeams } from '@/lib/directory/teams';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage({ params }: { params: Promise<{ subdomain: string }> }) {
  const { tenant } = await requireMember((await params).subdomain);
  const teams = await listTeams(tenant.id);
  return (
    <>
      <h1 className="text-2xl font-bold">Teams</h1>
      <p className="mt-1 mb-4 text-slate-600">Groups Microsoft Entra ID provisions, kept up to date on every cycle.</p>
      {teams.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">
          No teams yet: they appear when Entra provisions groups.
        </p>
      ) : (
        <ul aria-label="Teams" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {teams.map((team) => (
            <li key={team.id} className="px-4 py-3">
              <Link href={`/teams/${team.id}`} variant="subtle" className="font-medium">
                {team.name}
              </Link>
              <span className="ml-2 text-sm text-slate-600">
                {team.members} {team.members === 1 ? 'member' : 'members'}
              </span>
              {team.description ? <p className="text-sm text-slate-600">{team.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
