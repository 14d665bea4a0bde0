import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { OrgChart } from '@/components/org/org-chart';
import { PersonSearch } from '@/components/org/person-search';
import { requireMember } from '@/lib/auth/guard';
import { openChartAt } from '@/lib/org/open-chart';

export const metadata: Metadata = { title: 'Org chart' };

type Props = {
  params: Promise<{ subdomain: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// `/org` opens at the signed-in person, `/org?person=<id>` at anyone active; anything else is 404.
const querySchema = z.object({ person: z.guid().optional() });

export default async function OrgChartPage({ params, searchParams }: Props) {
  const { tenant, user } = await requireMember((await params).subdomain);
  const query = querySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const chart = await openChartAt(tenant.id, query.data.person ?? user.id);
  if (!chart) notFound();
  return (
    <>
      <h1 className="text-2xl font-bold">Org chart</h1>
      <p className="mt-1 mb-4 text-slate-600">Who reports to whom at {tenant.displayName}. Expand a person to see their reports.</p>
      <PersonSearch />
      <OrgChart key={chart.focusId} chart={chart} />
    </>
  );
}
