import { StatusLink, StatusMessage } from '@/components/layout/status-message';

// Inside the tenant's layout, so the header (and who is signed in) stays around it.
export default function TenantNotFound() {
  return (
    <StatusMessage code="404" title="Page not found" action={<StatusLink href="/">Go to the home page</StatusLink>}>
      <p>There is nothing at this address. The person, team or page may have been removed, or the link may be mistyped.</p>
    </StatusMessage>
  );
}
