import type { Metadata } from 'next';
import { SiteHeader } from '@/components/layout/site-header';
import { StatusLink, StatusMessage } from '@/components/layout/status-message';
import { getConfig } from '@/lib/config';
import { siteOrigin } from '@/lib/tenancy/host';

// Addresses of the apex that match nothing, and every address of a host that
// is no tenant's (lib/tenancy/routing.ts): there "/" is no home, so the links
// name the apex in full. Tenants' own pages have theirs (app/tenant/[subdomain]/not-found.tsx).

// Its own title: on an unknown host the tenant layout's title never resolves.
export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  const apex = siteOrigin(getConfig().ROOT_DOMAIN);
  return (
    <>
      <SiteHeader title="TheOrgWiki" homeHref={apex} loginHref={`${apex}/login`} />
      <main className="mx-auto max-w-5xl px-4">
        <StatusMessage code="404" title="Page not found" action={<StatusLink href={apex}>Go to the start page</StatusLink>}>
          <p>There is no page at this address. If you followed a link to your company&apos;s wiki, check the subdomain.</p>
        </StatusMessage>
      </main>
    </>
  );
}
