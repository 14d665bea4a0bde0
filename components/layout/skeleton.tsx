import type { ReactNode } from 'react';

/** The frame of every loading skeleton: grey shapes that pulse, announced once to screen readers as `label`. */
export function Skeleton({ label = 'Loading…', className = 'space-y-4', children }: { label?: string; className?: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className={`animate-pulse ${className}`}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
