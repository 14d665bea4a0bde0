'use client';

import { useActionState } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import type { ActionResult, FormAction } from '@/lib/action-result';

/** The two profile fields a person writes themselves. */
export function OwnProfileForm({ aboutMe, skills, save }: { aboutMe: string; skills: string[]; save: FormAction }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(save, null);
  return (
    <form action={action} className="space-y-3">
      <div>
        <label htmlFor="aboutMe" className="font-medium">
          About me
        </label>
        <textarea
          id="aboutMe"
          name="aboutMe"
          defaultValue={aboutMe}
          maxLength={2000}
          rows={4}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="skills" className="font-medium">
          Skills
        </label>
        <input
          id="skills"
          name="skills"
          defaultValue={skills.join(', ')}
          aria-describedby="skills-hint"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
        <p id="skills-hint" className="text-sm text-slate-600">
          Separated by commas.
        </p>
      </div>
      <SubmitButton pending={pending} label="Save" />
      <ResultMessage result={result} />
    </form>
  );
}
