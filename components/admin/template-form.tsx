'use client';

import { useActionState, useRef, useState } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import { Link } from '@/components/ui/link';
import { RichTextEditor, type RichTextHandle } from '@/components/wiki/editor/rich-text-editor';
import type { ActionResult, FormAction } from '@/lib/action-result';
import type { TemplateView } from '@/lib/wiki/templates/templates';

// Writing a page template: its name, a line saying what it is for, and its
// text in the same editor as pages (so a template holds what a page can).

const INPUT = 'mt-1 w-full rounded-md border border-slate-300 px-3 py-2';

export function TemplateForm({ template, save }: { template: TemplateView | null; save: FormAction }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(save, null);
  const text = useRef<RichTextHandle>(null);
  const body = useRef<HTMLInputElement>(null);
  // Controlled: React empties a form's own fields after its action, and a refused save must keep them.
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  return (
    <form
      action={action}
      noValidate
      autoComplete="off"
      onSubmit={() => {
        if (body.current) body.current.value = text.current?.markdown() ?? '';
      }}
      className="space-y-4"
    >
      <input type="hidden" name="id" value={template?.id ?? ''} />
      <input type="hidden" name="body" ref={body} defaultValue={template?.body ?? ''} />
      <div>
        <label htmlFor="template-name" className="font-medium">
          Name
        </label>
        <input id="template-name" name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} className={INPUT} />
      </div>
      <div>
        <label htmlFor="template-description" className="font-medium">
          What it is for
        </label>
        <input
          id="template-description"
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={200}
          className={INPUT}
        />
      </div>
      <div>
        <p id="template-text-hint" className="font-medium">
          Text
        </p>
        <div className="mt-1">
          <RichTextEditor initial={template?.body ?? ''} describedBy="template-text-hint" handle={text} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={template ? 'Save template' : 'Add template'} />
        <Link href="/admin/settings/templates">Back to the templates</Link>
      </div>
      <ResultMessage result={result} />
    </form>
  );
}
