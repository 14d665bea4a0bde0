'use client';

import { useActionState } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import type { ActionResult, FormAction } from '@/lib/action-result';

/** For admins: what the team does, in TheOrgWiki's own words (Entra provisions the rest). */
export function TeamDescriptionForm({ teamId, description, save }: { teamId: string; description: string; save: FormAction }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(save, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <label htmlFor="description" className="font-medium">
        Description
      </label>
      <textarea
        id="description"
        name="description"
        defaultValue={description}
        maxLength={2000}
        rows={3}
        className="w-full rounded-md border border-slate-300 px-3 py-2"
      />
      <SubmitButton pending={pending} label="Save description" />
      <ResultMessage result={result} />
    </form>
  );
}
