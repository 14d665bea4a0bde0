'use client';

import { useActionState } from 'react';
import { ResultMessage } from '@/components/forms/form-parts';
import { Button } from '@/components/ui/button';
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
      <Button type="submit" variant={tone} size="sm" disabled={pending}>
        {pending ? busyLabel : label}
      </Button>
      <ResultMessage result={result} />
    </form>
  );
}
