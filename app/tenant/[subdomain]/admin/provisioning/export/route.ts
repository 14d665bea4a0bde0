import type { NextRequest } from 'next/server';
import { provisioningLogCsv } from '@/lib/admin/provisioning-log';
import { readProvisioningLogQuery } from '@/lib/admin/provisioning-log-query';
import { requireAdmin } from '@/lib/auth/guard';

// The provisioning log as CSV, with the page's filters.
export async function GET(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  const { tenant } = await requireAdmin((await params).subdomain);
  const filters = readProvisioningLogQuery(Object.fromEntries(request.nextUrl.searchParams));
  return new Response(await provisioningLogCsv(tenant.id, filters), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${tenant.subdomain}-provisioning-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
