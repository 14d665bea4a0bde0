'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
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
      <Button
        variant="secondary"
        size="xs"
        disabled={pending}
        aria-label={`${role === 'admin' ? 'Remove admin from' : 'Make admin:'} ${name}`}
        onClick={() =>
          start(async () => {
            const result = await setRole(userId, next);
            setError(result.ok ? null : result.error);
          })
        }
      >
        {role === 'admin' ? 'Remove admin' : 'Make admin'}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
