'use client';

import { useActionState, useDeferredValue, useMemo, useRef, useState, type FormEvent } from 'react';
import { ResultMessage, SubmitButton } from '@/components/forms/form-parts';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import type { ActionResult, FormAction } from '@/lib/action-result';
import { newPageInput, pageEditInput } from '@/lib/wiki/page-input';
import { renderMarkdown } from '@/lib/wiki/render-markdown';
import { slugify } from '@/lib/wiki/slug';
import { RichTextEditor, type RichTextHandle } from './editor/rich-text-editor';
import { MarkdownView } from './markdown-view';
import { MentionTextarea } from './mention-textarea';

// Writing a page: title, address, parent and text. The text is written in the
// rich editor, or as markdown (its stored form) with a live preview rendered
// by the same function as the published page; the switch carries the text
// across. The fields keep what the person typed when a save is refused (a
// conflict with someone else's save, a taken address).

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
  // The markdown while it is edited as markdown; null while the rich editor holds the text.
  const [source, setSource] = useState<string | null>(null);
  const rich = useRef<RichTextHandle>(null);
  const bodyField = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  // Rendering waits for a pause in typing on a long page, not the keystrokes.
  const deferredSource = useDeferredValue(source ?? '');
  const preview = useMemo(() => renderMarkdown(deferredSource), [deferredSource]);

  const currentBody = () => source ?? rich.current?.markdown() ?? page.body;

  function switchMode() {
    if (source === null) setSource(currentBody());
    else {
      rich.current?.setMarkdown(source);
      setSource(null);
    }
  }

  /** The same checks as the server's, before a round trip; the text goes into the form as markdown. */
  function check(event: FormEvent<HTMLFormElement>) {
    const body = currentBody();
    if (bodyField.current) bodyField.current.value = body;
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
      <input type="hidden" name="body" ref={bodyField} defaultValue={page.body} />
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
      <div>
        <p id="body-label" className="font-medium">
          Text
        </p>
        <p id="body-hint" className="text-sm text-slate-600">
          {source === null
            ? 'Type / for blocks, @ to mention someone, [[ to link a page. Paste from Word, Google Docs or the web.'
            : 'Markdown. Type @ and a name to mention someone; link pages as [Title](/wiki/address).'}
        </p>
        <div className="mt-1">
          {/* Kept mounted while the markdown is edited, so switching back keeps the undo history. */}
          <div hidden={source !== null}>
            <RichTextEditor
              initial={page.body}
              describedBy="body-hint"
              handle={rich}
              toolbarExtra={
                <Button variant="ghost" size="xs" className="ml-auto" onClick={switchMode}>
                  Markdown
                </Button>
              }
            />
          </div>
          {source !== null ? (
            <div className="grid gap-4 md:grid-cols-2">
              <div className="space-y-2">
                <MentionTextarea id="markdown" label="Markdown" value={source} onChange={setSource} describedBy="body-hint" />
                <Button variant="secondary" size="sm" onClick={switchMode}>
                  Back to the editor
                </Button>
              </div>
              <section aria-labelledby="preview-heading" className="min-w-0">
                <h2 id="preview-heading" className="font-medium">
                  Preview
                </h2>
                <div className="mt-1 min-h-24 rounded-md border border-dashed border-slate-300 bg-white p-3">
                  {source.trim() ? (
                    <MarkdownView html={preview} id="preview" />
                  ) : (
                    <p className="text-sm text-slate-600">Nothing to preview yet: start writing the text.</p>
                  )}
                </div>
              </section>
            </div>
          ) : null}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={isNew ? 'Create page' : 'Save'} />
        <Link href={isNew ? '/wiki' : `/wiki/${page.slug}`}>Cancel</Link>
      </div>
      <ResultMessage result={shown} />
    </form>
  );
}
