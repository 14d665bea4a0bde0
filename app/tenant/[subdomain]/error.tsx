'use client';

import { ErrorMessage } from '@/components/layout/error-message';

// A page of the tenant's site failed. This boundary sits under the tenant's
// layout, so the header, with who is signed in, stays; errors of the layout
// itself reach app/error.tsx.
export default function TenantError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} />;
}
