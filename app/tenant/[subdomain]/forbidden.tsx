import { StatusLink, StatusMessage } from '@/components/layout/status-message';

/** 403 from requireAdmin: signed in, but not an admin. Inside the tenant's layout, so the header stays. */
export default function TenantForbidden() {
  return (
    <StatusMessage code="403" title="Admins only" action={<StatusLink href="/">Go to the home page</StatusLink>}>
      <p>This page is for your company&apos;s TheOrgWiki admins. Ask one of them if you need something changed.</p>
    </StatusMessage>
  );
}
