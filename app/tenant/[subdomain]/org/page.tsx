import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { z } from 'zod';
import { OrgChart, type ChartViewName } from '@/components/org/org-chart';
import { OrgChartSkeleton } from '@/components/org/org-chart-skeleton';
import { PersonSearch } from '@/components/org/person-search';
import { requireMember } from '@/lib/auth/guard';
import { isOnOrgChart, openChartAt } from '@/lib/org/open-chart';

export const metadata: Metadata = { title: 'Org chart' };

type Props = {
  params: Promise<{ subdomain: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// `/org` opens at the signed-in person, `/org?person=<id>` at anyone active; anything else is 404.
// `view=list` shows the indented list instead of the drawn chart.
const querySchema = z.object({ person: z.guid().optional(), view: z.enum(['chart', 'list']).default('chart') });

async function LoadedChart({ tenantId, personId, view }: { tenantId: string; personId: string; view: ChartViewName }) {
  const chart = await openChartAt(tenantId, personId);
  if (!chart) notFound();
  return <OrgChart chart={chart} view={view} />;
}

// The skeleton is a Suspense fallback inside the page rather than a loading.tsx: a
// route's loading.tsx sends the 200 status with the first bytes, before the page
// could answer 404. So the page first checks the person (one index lookup), then
// streams the chart behind the skeleton.
export default async function OrgChartPage({ params, searchParams }: Props) {
  const { tenant, user } = await requireMember((await params).subdomain);
  const query = querySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const personId = query.data.person ?? user.id;
  if (!(await isOnOrgChart(tenant.id, personId))) notFound();
  return (
    <>
      <h1 className="text-2xl font-bold">Org chart</h1>
      <p className="mt-1 mb-4 text-slate-600 print:hidden">Who reports to whom at {tenant.displayName}. Expand a person to see their reports.</p>
      <PersonSearch />
      <Suspense key={personId} fallback={<OrgChartSkeleton />}>
        <LoadedChart tenantId={tenant.id} personId={personId} view={query.data.view} />
      </Suspense>
    </>
  );
}
