'use client';

import { useActionState } from 'react';
import { saveOwnProfile, type SaveResult } from '@/app/tenant/[subdomain]/people/[key]/actions';

/** The two profile fields a person writes themselves. */
export function OwnProfileForm({ aboutMe, skills }: { aboutMe: string; skills: string[] }) {
  const [result, action, pending] = useActionState<SaveResult, FormData>(saveOwnProfile, null);
  return (
    <form action={action} className="space-y-3">
      <div>
        <label htmlFor="aboutMe" className="font-medium">About me</label>
        <textarea id="aboutMe" name="aboutMe" defaultValue={aboutMe} maxLength={2000} rows={4} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="skills" className="font-medium">Skills</label>
        <input id="skills" name="skills" defaultValue={skills.join(', ')} aria-describedby="skills-hint" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        <p id="skills-hint" className="text-sm text-slate-600">Separated by commas.</p>
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60">
        {pending ? 'Saving…' : 'Save'}
      </button>
      <p aria-live="polite" className={`text-sm ${result && !result.ok ? 'text-red-700' : 'text-green-700'}`}>
        {result ? (result.ok ? 'Saved.' : result.error) : ''}
      </p>
    </form>
  );
}
