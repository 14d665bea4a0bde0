'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { When } from '@/components/ui/when';
import type { FormAction } from '@/lib/action-result';
import type { CommentView, ThreadView } from '@/lib/wiki/comments/page-comments';
import { ActionForm } from './action-form';
import { CommentForm } from './comment-form';
import { MarkdownView } from './markdown-view';

// A page's comments: open threads, then the resolved ones folded away. Anyone
// may start a thread, reply, resolve and reopen; authors edit and delete their
// own comments.

export interface CommentActions {
  add: FormAction;
  edit: FormAction;
  remove: FormAction;
  resolve: FormAction;
}

function Comment({ comment, actions }: { comment: CommentView; actions: CommentActions }) {
  const [editing, setEditing] = useState(false);
  const who = comment.author ? comment.author.name : 'A former employee';
  return (
    <li id={`comment-${comment.id}`} aria-label={`Comment by ${who}`} className="space-y-1">
      <p className="text-sm text-slate-600">
        {comment.author ? <Link href={`/people/${comment.author.id}`}>{comment.author.name}</Link> : who} ·{' '}
        <When date={comment.createdAt} precision="minutes" />
        {comment.edited ? ' · edited' : ''}
      </p>
      {comment.deleted ? (
        <p className="text-sm text-slate-600 italic">This comment was deleted.</p>
      ) : editing ? (
        <CommentForm
          action={actions.edit}
          fields={{ id: comment.id }}
          label="Edit your comment"
          submitLabel="Save"
          initial={comment.body}
          onDone={() => setEditing(false)}
        />
      ) : (
        <MarkdownView html={comment.html} />
      )}
      {comment.own && !editing ? (
        <div className="flex flex-wrap items-start gap-2">
          <Button variant="ghost" size="xs" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <ActionForm action={actions.remove} fields={{ id: comment.id }} label="Delete" busyLabel="Deleting…" tone="danger" confirm="Delete your comment?" />
        </div>
      ) : null}
    </li>
  );
}

function Thread({ thread, slug, actions }: { thread: ThreadView; slug: string; actions: CommentActions }) {
  const [replying, setReplying] = useState(false);
  const starter = thread.comments[0].author?.name ?? 'a former employee';
  return (
    <article aria-label={`Thread started by ${starter}`} className="space-y-3 rounded-md border border-slate-200 bg-white p-3">
      <ol className="space-y-3">
        {thread.comments.map((comment) => (
          <Comment key={comment.id} comment={comment} actions={actions} />
        ))}
      </ol>
      {thread.resolved ? (
        <p className="text-sm text-green-800">
          Resolved{thread.resolved.by ? ` by ${thread.resolved.by}` : ''} <When date={thread.resolved.at} precision="minutes" />.
        </p>
      ) : null}
      {replying ? (
        <CommentForm action={actions.add} fields={{ slug, threadId: thread.id }} label="Your reply" submitLabel="Reply" onDone={() => setReplying(false)} />
      ) : (
        <div className="flex flex-wrap items-start gap-2">
          {thread.resolved ? null : (
            <Button variant="secondary" size="sm" onClick={() => setReplying(true)}>
              Reply
            </Button>
          )}
          <ActionForm
            action={actions.resolve}
            fields={{ id: thread.id, resolved: thread.resolved ? 'no' : 'yes' }}
            label={thread.resolved ? 'Reopen' : 'Resolve'}
            busyLabel="Saving…"
            tone="secondary"
          />
        </div>
      )}
    </article>
  );
}

export function Comments({ threads, slug, actions }: { threads: ThreadView[]; slug: string; actions: CommentActions }) {
  const open = threads.filter((t) => !t.resolved);
  const resolved = threads.filter((t) => t.resolved);
  return (
    <div className="space-y-4">
      {open.length === 0 ? <p className="text-sm text-slate-600">No open comments.</p> : null}
      {open.map((thread) => (
        <Thread key={thread.id} thread={thread} slug={slug} actions={actions} />
      ))}
      {resolved.length > 0 ? (
        <details className="space-y-3">
          <summary className="cursor-pointer text-sm text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
            {resolved.length === 1 ? '1 resolved thread' : `${resolved.length} resolved threads`}
          </summary>
          <div className="mt-3 space-y-3">
            {resolved.map((thread) => (
              <Thread key={thread.id} thread={thread} slug={slug} actions={actions} />
            ))}
          </div>
        </details>
      ) : null}
      <CommentForm action={actions.add} fields={{ slug, threadId: '' }} label="New comment" submitLabel="Comment" />
    </div>
  );
}
