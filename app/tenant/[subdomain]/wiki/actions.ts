'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { attempt, type ActionResult } from '@/lib/action-result';
import { requireMemberAction } from '@/lib/auth/guard';
import { addComment, deleteComment, editComment, resolveThread } from '@/lib/wiki/comments/write-comment';
import { createPage } from '@/lib/wiki/create-page';
import { setPageOwner } from '@/lib/wiki/owner';
import { restoreRevision } from '@/lib/wiki/restore-revision';
import { savePage } from '@/lib/wiki/save-page';
import { deletePage, restorePage } from '@/lib/wiki/trash';

// Any signed-in member may write the wiki. The tenant comes from the Host
// (requireMemberAction), never from the form; slugs and ids from the form are
// looked up within that tenant by lib/wiki.

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/** After a change, every page that lists wiki pages (the index, profiles, the page itself) reads afresh. */
function refreshed<T extends ActionResult>(result: T): T {
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

/** Runs the change and goes to the address it answers; a refusal stays on the form. */
async function changeThenGo(work: () => Promise<string>): Promise<ActionResult> {
  let href = '';
  const result = refreshed(
    await attempt(async () => {
      href = await work();
      return { ok: true as const };
    }),
  );
  if (!result.ok) return result;
  redirect(href);
}

export async function createPageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  return changeThenGo(async () => {
    const page = await createPage(tenant.id, user.id, { title: field(form, 'title'), body: field(form, 'body'), parentSlug: field(form, 'parentSlug') });
    return `/wiki/${page.slug}`;
  });
}

export async function savePageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  return changeThenGo(async () => {
    const input = {
      title: field(form, 'title'),
      slug: field(form, 'slug'),
      body: field(form, 'body'),
      parentSlug: field(form, 'parentSlug'),
      version: field(form, 'version'),
    };
    return `/wiki/${(await savePage(tenant.id, user.id, field(form, 'currentSlug'), input)).slug}`;
  });
}

export async function deletePageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant } = await requireMemberAction();
  return changeThenGo(async () => {
    await deletePage(tenant.id, field(form, 'slug'));
    return '/wiki?deleted=1';
  });
}

export async function restorePageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant } = await requireMemberAction();
  return changeThenGo(async () => {
    const restored = await restorePage(tenant.id, field(form, 'id'));
    return `/wiki/${restored.slug}?restored=${restored.movedToTop ? 'top' : 'yes'}`;
  });
}

export async function restoreRevisionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  return changeThenGo(async () => {
    const page = await restoreRevision(tenant.id, user.id, field(form, 'slug'), Number(field(form, 'number')), Number(field(form, 'version')));
    return `/wiki/${page.slug}`;
  });
}

export async function setOwnerAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  return refreshed(
    await attempt(async () => {
      const { name } = await setPageOwner(tenant.id, field(form, 'slug'), field(form, 'owner'), user.id);
      return { ok: true as const, message: `${name} now owns this page.` };
    }),
  );
}

/** A comment's change, then the page read afresh with it. */
async function commentChange(work: () => Promise<unknown>, message: string): Promise<ActionResult> {
  return refreshed(
    await attempt(async () => {
      await work();
      return { ok: true as const, message };
    }),
  );
}

export async function addCommentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  const input = { slug: field(form, 'slug'), body: field(form, 'body'), threadId: field(form, 'threadId') };
  return commentChange(() => addComment(tenant.id, user.id, input), input.threadId ? 'Reply added.' : 'Comment added.');
}

export async function editCommentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  return commentChange(() => editComment(tenant.id, user.id, { id: field(form, 'id'), body: field(form, 'body') }), 'Comment saved.');
}

export async function deleteCommentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  return commentChange(() => deleteComment(tenant.id, user.id, { id: field(form, 'id') }), 'Comment deleted.');
}

export async function resolveThreadAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { tenant, user } = await requireMemberAction();
  const resolved = field(form, 'resolved');
  return commentChange(() => resolveThread(tenant.id, user.id, { id: field(form, 'id'), resolved }), resolved === 'yes' ? 'Resolved.' : 'Reopened.');
}
