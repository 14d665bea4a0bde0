import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { requireTenant } from '@/lib/tenancy/get-tenant';

// Every tenant page renders per request: it depends on the Host (via the
// rewritten [subdomain]) and on live data.
export const dynamic = 'force-dynamic';

type Props = { children: ReactNode; params: Promise<{ subdomain: string }> };

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const tenant = await requireTenant((await params).subdomain);
  return { title: { default: tenant.displayName, template: `%s · ${tenant.displayName}` } };
}

export default async function TenantLayout({ children, params }: Props) {
  const tenant = await requireTenant((await params).subdomain);
  return (
    <>
      <SiteHeader title={tenant.displayName} />
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
