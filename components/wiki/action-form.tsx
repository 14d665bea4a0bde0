'use client';

import { useActionState } from 'react';
import { ResultMessage } from '@/components/forms/form-parts';
import type { ActionResult } from '@/lib/action-result';

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * One button that runs a wiki action (delete, restore, make someone the
 * owner, restore a revision) on the fields given, and says what came of it.
 */
export function ActionForm({
  action,
  fields,
  label,
  busyLabel,
  confirm,
  tone = 'primary',
}: {
  action: Action;
  fields: Record<string, string | number>;
  label: string;
  busyLabel: string;
  /** Asked before a destructive action runs. */
  confirm?: string;
  tone?: 'primary' | 'secondary' | 'danger';
}) {
  const [result, run, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const style = {
    primary: 'bg-indigo-600 text-on-accent hover:bg-indigo-700',
    secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
    danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50',
  }[tone];
  return (
    <form
      action={run}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="inline-flex flex-col gap-1"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 ${style}`}
      >
        {pending ? busyLabel : label}
      </button>
      <ResultMessage result={result} />
    </form>
  );
}
