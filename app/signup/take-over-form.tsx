'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/forms/form-parts';
import { takeOverCompany, type TakeOverState } from './actions';

/** The one explicit step of a takeover; what it does is said above it on the page. */
export function TakeOverForm({ company }: { company: string }) {
  const [{ error }, action, pending] = useActionState<TakeOverState, FormData>(takeOverCompany, { error: null });
  return (
    <form action={action} className="mt-6 space-y-3">
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
      <SubmitButton pending={pending} label={`Take over ${company}`} busyLabel="Taking over…" />
    </form>
  );
}
