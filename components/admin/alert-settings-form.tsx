'use client';

import { useActionState } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import type { ActionResult, FormAction } from '@/lib/action-result';
import type { AlertSettingsView } from '@/lib/alerts/alert-settings';
import { FAILURE_RATE_MIN_REQUESTS } from '@/lib/alerts/alert-texts';

function NumberField({ name, label, min, max, value, hint }: { name: string; label: string; min: number; max: number; value: number; hint?: string }) {
  return (
    <div>
      <label htmlFor={name} className="font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="number"
        min={min}
        max={max}
        required
        defaultValue={value}
        aria-describedby={hint ? `${name}-hint` : undefined}
        className="mt-1 block w-28 rounded-md border border-slate-300 px-3 py-2"
      />
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 max-w-xs text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Who gets the provisioning alerts, and when. */
export function AlertSettingsForm({ settings, save }: { settings: Omit<AlertSettingsView, 'recent'>; save: FormAction }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(save, null);
  return (
    <form action={action} className="space-y-5">
      <label className="flex items-start gap-2">
        <input type="checkbox" name="enabled" defaultChecked={settings.enabled} className="mt-1" />
        <span>
          <span className="font-medium">Email alerts about provisioning</span>
          <span className="block text-sm text-slate-600">
            A token expiring (30, 7 and 1 days ahead), made or revoked; Microsoft Entra ID silent after having called; too many of its requests failing. Each
            condition is reported once.
          </span>
        </span>
      </label>
      <fieldset>
        <legend className="font-medium">Who gets them</legend>
        <p className="text-sm text-slate-600">Tick none for every admin (admins added later too).</p>
        <ul className="mt-1 space-y-1">
          {settings.admins.map((admin) => (
            <li key={admin.id}>
              <label className="flex flex-wrap items-baseline gap-x-2">
                <input type="checkbox" name="recipientIds" value={admin.id} defaultChecked={settings.recipientIds.includes(admin.id)} />
                <span>{admin.name}</span>
                <span className="min-w-0 text-sm break-words text-slate-600">{admin.email ?? 'no email address: gets no alerts'}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex flex-wrap gap-6">
        <NumberField name="silenceHours" label="Silent after (hours)" min={1} max={72} value={settings.silenceHours} />
        <NumberField
          name="failurePercent"
          label="Failures in an hour (%)"
          min={1}
          max={39}
          value={settings.failurePercent}
          hint={`Entra quarantines a job at about 40%. Counted over at least ${FAILURE_RATE_MIN_REQUESTS} requests.`}
        />
      </div>
      <SubmitButton pending={pending} label="Save alert settings" />
      <ResultMessage result={result} />
    </form>
  );
}
