'use client';

import { useActionState } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import { Button } from '@/components/ui/button';
import type { ActionResult, FormAction } from '@/lib/action-result';

const ACCEPTED = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

/** Upload one's own photo where the tenant allows it, and remove one uploaded earlier in any case. */
export function OwnPhotoForm({ allowed, uploaded, save }: { allowed: boolean; uploaded: boolean; save: FormAction }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(save, null);
  if (!allowed) {
    return (
      <form action={action} className="space-y-2">
        <p className="text-sm">You uploaded your own photo; your organization no longer takes new ones.</p>
        <Button type="submit" name="intent" value="remove" variant="secondary" disabled={pending}>
          Remove my photo
        </Button>
        <ResultMessage result={result} />
      </form>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <label htmlFor="photo" className="font-medium">
        Your photo
      </label>
      <input
        id="photo"
        name="photo"
        type="file"
        accept={ACCEPTED}
        aria-describedby="photo-hint"
        className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
      />
      <p id="photo-hint" className="text-sm text-slate-600">
        JPEG, PNG, WebP, GIF or AVIF, up to 5 MB. It shows instead of your Microsoft 365 photo{uploaded ? ' until you remove it' : ''}.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton pending={pending} label="Upload photo" busyLabel="Uploading…" />
        {uploaded ? (
          <Button type="submit" name="intent" value="remove" variant="secondary" disabled={pending}>
            Remove my photo
          </Button>
        ) : null}
      </div>
      <ResultMessage result={result} />
    </form>
  );
}
