import { SiteHeader } from '@/components/layout/site-header';
import { StatusLink, StatusMessage } from '@/components/layout/status-message';

/** 403 outside a tenant's site. Tenants' pages have their own (app/tenant/[subdomain]/forbidden.tsx). */
export default function Forbidden() {
  return (
    <>
      <SiteHeader title="TheOrgWiki" />
      <main className="mx-auto max-w-5xl px-4">
        <StatusMessage code="403" title="Not allowed" action={<StatusLink href="/">Go to the start page</StatusLink>}>
          <p>You are signed in, but this page is not for you.</p>
        </StatusMessage>
      </main>
    </>
  );
}
