'use client';

import { ErrorMessage } from '@/components/layout/error-message';
import { SiteHeader } from '@/components/layout/site-header';

// A page of the apex failed, or a tenant's layout did (it reads who is signed
// in, so without the database it cannot draw its own header). Who is signed in
// is unknown here, so the header is the plain one.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <SiteHeader title="TheOrgWiki" />
      <main className="mx-auto max-w-5xl px-4">
        <ErrorMessage error={error} retry={retry} />
      </main>
    </>
  );
}
