'use client';

import { useActionState } from 'react';
import { saveTeamDescription, type DescribeResult } from '@/app/tenant/[subdomain]/teams/[id]/actions';

/** For admins: what the team does, in TheOrgWiki's own words (Entra provisions the rest). */
export function TeamDescriptionForm({ teamId, description }: { teamId: string; description: string }) {
  const [result, action, pending] = useActionState<DescribeResult, FormData>(saveTeamDescription, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <label htmlFor="description" className="font-medium">
        Description
      </label>
      <textarea id="description" name="description" defaultValue={description} maxLength={2000} rows={3} className="w-full rounded-md border border-slate-300 px-3 py-2" />
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60">
        {pending ? 'Saving…' : 'Save description'}
      </button>
      <p aria-live="polite" className={`text-sm ${result && !result.ok ? 'text-red-700' : 'text-green-700'}`}>
        {result ? (result.ok ? 'Saved.' : result.error) : ''}
      </p>
    </form>
  );
}
