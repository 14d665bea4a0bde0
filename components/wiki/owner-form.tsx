'use client';

import { useActionState, useId } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import type { ActionResult, FormAction } from '@/lib/action-result';

/** Hands the page to someone else, named by their work email or user name. */
export function OwnerForm({ slug, setOwner }: { slug: string; setOwner: FormAction }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setOwner, null);
  const id = useId();
  return (
    <form action={action} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <input type="hidden" name="slug" value={slug} />
      <div className="grow">
        <label htmlFor={id} className="text-sm font-medium">
          New owner (work email or user name)
        </label>
        <input id={id} name="owner" required autoComplete="off" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      <SubmitButton pending={pending} label="Change owner" />
      <ResultMessage result={result} />
    </form>
  );
}
