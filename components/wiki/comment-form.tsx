'use client';

import { useActionState, useId, useState } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import { Button } from '@/components/ui/button';
import type { ActionResult, FormAction } from '@/lib/action-result';
import { commentBody } from '@/lib/wiki/comments/comment-input';
import { MentionTextarea } from './mention-textarea';

// Writing a comment, a reply or an edit: markdown with the @-picker, checked
// as the server checks it. After a save the box empties (or closes).

interface Props {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  submitLabel: string;
  initial?: string;
  /** A reply or an edit closes after saving, or on Cancel. */
  onDone?: () => void;
}

export function CommentForm({ action, fields, label, submitLabel, initial = '', onDone }: Props) {
  const [body, setBody] = useState(initial);
  const [invalid, setInvalid] = useState<string | null>(null);
  const id = useId();
  const [result, run, pending] = useActionState<ActionResult | null, FormData>(async (previous, form) => {
    const answer = await action(previous, form);
    if (answer.ok) {
      // The saved text is on the page now; the box starts over.
      setBody('');
      onDone?.();
    }
    return answer;
  }, null);

  return (
    <form
      action={run}
      noValidate
      onSubmit={(event) => {
        const parsed = commentBody.safeParse(body);
        setInvalid(parsed.success ? null : parsed.error.issues[0].message);
        if (!parsed.success) event.preventDefault();
      }}
      className="space-y-2"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="body" value={body} />
      <p id={`${id}-hint`} className="sr-only">
        Markdown; type @ and a name to mention someone.
      </p>
      <MentionTextarea id={`${id}-body`} label={label} value={body} onChange={setBody} describedBy={`${id}-hint`} rows={3} />
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton pending={pending} label={submitLabel} />
        {onDone ? (
          <Button variant="ghost" size="sm" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
      <ResultMessage result={invalid ? { ok: false, error: invalid } : result} />
    </form>
  );
}
