import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';

// The body of the 403, 404 and error pages, which render inside the site's
// header: what happened in plain words, then one way on.

export function StatusMessage({ code, title, children, action }: { code: string; title: string; children: ReactNode; action: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center sm:py-16">
      <p className="text-sm font-semibold text-indigo-700">{code}</p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <div className="mt-4 space-y-2 text-slate-600">{children}</div>
      <div className="mt-6">{action}</div>
    </div>
  );
}

export function StatusLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} variant="button">
      {children}
    </Link>
  );
}

/** For error boundaries: asks the server for the page again. */
export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return <Button onClick={onRetry}>Try again</Button>;
}
