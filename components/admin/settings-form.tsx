'use client';

import { useActionState } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import type { ActionResult, FormAction } from '@/lib/action-result';

interface Props {
  displayName: string;
  signInPolicy: string;
  allowPhotoUpload: boolean;
  policies: readonly { value: string; label: string }[];
  save: FormAction;
}

/** The editable settings: organization name, who may sign in, and whether people may upload a photo. */
export function SettingsForm({ displayName, signInPolicy, allowPhotoUpload, policies, save }: Props) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(save, null);
  return (
    <form action={action} className="space-y-4">
      <div>
        <label htmlFor="displayName" className="font-medium">
          Organization name
        </label>
        <input
          id="displayName"
          name="displayName"
          defaultValue={displayName}
          required
          maxLength={120}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      <fieldset>
        <legend className="font-medium">Who may sign in</legend>
        {policies.map((policy) => (
          <label key={policy.value} className="mt-1 flex items-start gap-2">
            <input type="radio" name="signInPolicy" value={policy.value} defaultChecked={policy.value === signInPolicy} className="mt-1" />
            <span>{policy.label}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="allowPhotoUpload" defaultChecked={allowPhotoUpload} className="mt-1" />
          <span>
            <span className="font-medium">People may upload their own photo</span>
            <span className="block text-sm text-slate-600">
              Their own photo shows instead of the one in Microsoft 365 until they remove it. Unticked, nobody can upload one; photos uploaded earlier show
              until their owners remove them.
            </span>
          </span>
        </label>
      </div>
      <SubmitButton pending={pending} label="Save settings" />
      <ResultMessage result={result} />
    </form>
  );
}
