import type { NextRequest } from 'next/server';
import { requireAdmin } from '@/lib/auth/guard';
import { getConfig } from '@/lib/config';
import { directorySearchParams, peopleCsv } from '@/lib/directory/search-people';
import { siteOrigin } from '@/lib/tenancy/host';

// The directory as CSV, for admins: the page's search and filters, every page of it.
export async function GET(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  const { tenant } = await requireAdmin((await params).subdomain);
  const search = directorySearchParams.parse(Object.fromEntries(request.nextUrl.searchParams));
  const origin = siteOrigin(getConfig().ROOT_DOMAIN, tenant.subdomain);
  return new Response(await peopleCsv(tenant.id, search, (id) => `${origin}/people/${id}`), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${tenant.subdomain}-people-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
