'use client';

import { useActionState } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import type { ActionResult, FormAction } from '@/lib/action-result';
import type { PhotoStatus } from '@/lib/admin/photo-status';
import { formatUtc } from '@/lib/format-time';

interface Props {
  status: PhotoStatus;
  /** Where a directory admin grants User.Read.All (null when the tenant has no directory). */
  consentUrl: string | null;
  syncNow: FormAction;
}

/** People's photos from Microsoft 365: how many are in, what waits, what failed and why (lib/admin/photo-status.ts). */
export function PhotosPanel({ status, consentUrl, syncNow }: Props) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(syncNow, null);
  const { counts } = status;
  const figures: [string, number][] = [
    ['Photos synced', counts.synced],
    ['No photo in Microsoft 365', counts.none],
    ['Waiting', counts.due],
    ['Failed (retried with backoff)', counts.failed],
    ['Own photos uploaded', counts.uploaded],
  ];
  return (
    <Section title="Photos" framed={false}>
      {!status.bound ? (
        <p className="mt-2">This tenant is not bound to a Microsoft directory, so there are no photos to bring in from Microsoft 365.</p>
      ) : (
        <>
          {status.notPermitted ? (
            <div role="status" className="mt-2 space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
              <p>
                People show initials: your Microsoft directory has not granted TheOrgWiki the application permission <strong>User.Read.All</strong>, which
                Microsoft Graph needs to hand out profile photos.
              </p>
              {consentUrl ? (
                <p>
                  A Global Administrator can <Link href={consentUrl}>grant admin consent</Link>; then press Sync now.
                </p>
              ) : null}
            </div>
          ) : null}
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
            {figures.map(([label, value]) => (
              <div key={label}>
                <dt className="text-sm text-slate-600">{label}</dt>
                <dd className="font-medium tabular-nums">{value.toLocaleString('en')}</dd>
              </div>
            ))}
          </dl>
          {status.latestError && !status.notPermitted ? (
            <p className="mt-2 text-sm text-slate-600">
              Last problem ({formatUtc(status.latestError.checkedAt)}): {status.latestError.error}
            </p>
          ) : null}
          <p className="mt-2 text-sm text-slate-600">
            New people get their photo within a minute of provisioning; everyone&apos;s is checked again daily, and only changed photos are downloaded.
          </p>
          <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
            <SubmitButton pending={pending} label="Sync now" busyLabel="Queuing…" />
            <ResultMessage result={result} />
          </form>
        </>
      )}
    </Section>
  );
}
