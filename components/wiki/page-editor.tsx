'use client';

import { useActionState, useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import { Link } from '@/components/ui/link';
import type { ActionResult, FormAction } from '@/lib/action-result';
import { newPageInput, pageEditInput } from '@/lib/wiki/page-input';
import { renderMarkdown } from '@/lib/wiki/render-markdown';
import { slugify } from '@/lib/wiki/slug';
import { MarkdownView } from './markdown-view';
import { MentionTextarea } from './mention-textarea';

// Writing a page: title, address, parent and markdown, with a live preview
// rendered by the same function as the published page. Every field is
// controlled, so when a save is refused (a conflict with someone else's save,
// a taken address) the person's text stays exactly as they left it.

interface EditorPage {
  /** The page being edited, or null for a new page. */
  slug: string | null;
  title: string;
  body: string;
  parentSlug: string;
  version: number;
}

const INPUT = 'mt-1 w-full rounded-md border border-slate-300 px-3 py-2';

interface Props {
  page: EditorPage;
  parents: { slug: string; title: string; depth: number }[];
  /** Creates the page when page.slug is null, else saves it. */
  save: FormAction;
}

export function PageEditor({ page, parents, save }: Props) {
  const isNew = page.slug === null;
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(save, null);
  const [title, setTitle] = useState(page.title);
  const [slug, setSlug] = useState(page.slug ?? '');
  const [parentSlug, setParentSlug] = useState(page.parentSlug);
  const [body, setBody] = useState(page.body);
  const [invalid, setInvalid] = useState<string | null>(null);
  // Rendering waits for a pause in typing on a long page, not the keystrokes.
  const deferredBody = useDeferredValue(body);
  const preview = useMemo(() => renderMarkdown(deferredBody), [deferredBody]);

  /** The same checks as the server's, before a round trip. */
  function check(event: FormEvent<HTMLFormElement>) {
    const parsed = isNew
      ? newPageInput.safeParse({ title, body, parentSlug })
      : pageEditInput.safeParse({ title, slug, body, parentSlug, version: page.version });
    setInvalid(parsed.success ? null : parsed.error.issues[0].message);
    if (!parsed.success) event.preventDefault();
  }

  const shown: ActionResult | null = invalid ? { ok: false, error: invalid } : result;
  return (
    // autoComplete off: on a reload the browser would otherwise restore what was typed over the page's saved text.
    <form action={action} onSubmit={check} className="space-y-4" noValidate autoComplete="off">
      {isNew ? null : (
        <>
          <input type="hidden" name="currentSlug" value={page.slug ?? ''} />
          <input type="hidden" name="version" value={page.version} />
        </>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="title" className="font-medium">
            Title
          </label>
          <input id="title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} className={INPUT} />
        </div>
        {isNew ? (
          <div>
            <p className="font-medium">Address</p>
            <p className="mt-1 py-2 text-slate-700">/wiki/{slugify(title)}</p>
            <p className="text-sm text-slate-600">From the title; a number is added if another page has it.</p>
          </div>
        ) : (
          <div>
            <label htmlFor="slug" className="font-medium">
              Address
            </label>
            <div className="mt-1 flex items-center gap-1">
              <span className="text-slate-600">/wiki/</span>
              <input
                id="slug"
                name="slug"
                value={slug}
                onChange={(e) => setSlug(e.target.value)}
                required
                maxLength={80}
                aria-describedby="slug-hint"
                className="w-full rounded-md border border-slate-300 px-3 py-2"
              />
            </div>
            <p id="slug-hint" className="text-sm text-slate-600">
              Lowercase letters, digits and hyphens. Changing it breaks links to the old address.
            </p>
          </div>
        )}
      </div>
      <div>
        <label htmlFor="parentSlug" className="font-medium">
          Parent page
        </label>
        <select id="parentSlug" name="parentSlug" value={parentSlug} onChange={(e) => setParentSlug(e.target.value)} className={INPUT}>
          <option value="">None (top level)</option>
          {parents.map((p) => (
            <option key={p.slug} value={p.slug}>
              {'\u00a0\u00a0'.repeat(p.depth)}
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="body" className="font-medium">
            Text
          </label>
          <p id="body-hint" className="text-sm text-slate-600">
            Markdown. Type @ and a name to mention someone; link pages as [Title](/wiki/address).
          </p>
          <div className="mt-1">
            <MentionTextarea id="body" value={body} onChange={setBody} describedBy="body-hint" />
          </div>
        </div>
        <section aria-labelledby="preview-heading" className="min-w-0">
          <h2 id="preview-heading" className="font-medium">
            Preview
          </h2>
          <div className="mt-6 min-h-24 rounded-md border border-dashed border-slate-300 bg-white p-3">
            {body.trim() ? (
              <MarkdownView html={preview} id="preview" />
            ) : (
              <p className="text-sm text-slate-600">Nothing to preview yet: start writing the text.</p>
            )}
          </div>
        </section>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={isNew ? 'Create page' : 'Save'} />
        <Link href={isNew ? '/wiki' : `/wiki/${page.slug}`}>Cancel</Link>
      </div>
      <ResultMessage result={shown} />
    </form>
  );
}
