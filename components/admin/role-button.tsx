'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';

/** Make admin / Remove admin, with the refusal (e.g. the last admin) said in words. */
interface Props {
  userId: string;
  name: string;
  role: 'admin' | 'member';
  setRole: (userId: string, role: string) => Promise<ActionResult>;
}

export function RoleButton({ userId, name, role, setRole }: Props) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const next = role === 'admin' ? 'member' : 'admin';
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        aria-label={`${role === 'admin' ? 'Remove admin from' : 'Make admin:'} ${name}`}
        onClick={() =>
          start(async () => {
            const result = await setRole(userId, next);
            setError(result.ok ? null : result.error);
          })
        }
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      >
        {role === 'admin' ? 'Remove admin' : 'Make admin'}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
