import Link from 'next/link';
import type { ReactNode } from 'react';

// The body of the 403, 404 and error pages, which render inside the site's
// header: what happened in plain words, then one way on.

const ACTION =
  'inline-block rounded-md bg-indigo-600 px-4 py-2 font-medium text-on-accent hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

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
    <Link href={href} className={ACTION}>
      {children}
    </Link>
  );
}

/** For error boundaries: asks the server for the page again. */
export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" onClick={onRetry} className={ACTION}>
      Try again
    </button>
  );
}
