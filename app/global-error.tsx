'use client';

import { ErrorMessage } from '@/components/layout/error-message';
import { SiteHeader } from '@/components/layout/site-header';
import './globals.css';

// The root layout itself failed: this replaces it, so it brings its own
// document and styles, rather than Next's unbranded error screen.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <title>Something went wrong · TheOrgWiki</title>
        <SiteHeader title="TheOrgWiki" />
        <main className="mx-auto max-w-5xl px-4">
          <ErrorMessage error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
