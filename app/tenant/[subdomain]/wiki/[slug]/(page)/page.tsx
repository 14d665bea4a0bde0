import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Card, Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { ActionForm } from '@/components/wiki/action-form';
import { Comments } from '@/components/wiki/comments';
import { MarkdownView } from '@/components/wiki/markdown-view';
import { OwnerForm } from '@/components/wiki/owner-form';
import { requireMember } from '@/lib/auth/guard';
import { formatUtc } from '@/lib/format-time';
import { markPageRead } from '@/lib/notifications/inbox';
import { pageComments } from '@/lib/wiki/comments/page-comments';
import { findPage } from '@/lib/wiki/read-page';
import { renderMarkdown } from '@/lib/wiki/render-markdown';
import { addCommentAction, deleteCommentAction, deletePageAction, editCommentAction, resolveThreadAction, setOwnerAction } from '../../actions';
import { slugFromPath } from '@/lib/wiki/slug';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';

type Props = { params: Promise<{ subdomain: string; slug: string }>; searchParams: Promise<{ restored?: string }> };

// Once per request: the title and the page both need it.
const pageOf = cache(async (tenantId: string, raw: string) => {
  const slug = slugFromPath(raw);
  return slug ? findPage(tenantId, slug) : null;
});

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const { subdomain, slug } = await params;
  const { tenant } = await requireMember(subdomain);
  return { title: (await pageOf(tenant.id, slug))?.title ?? 'Page not found' };
}

export default async function WikiPageView({ params, searchParams }: Props) {
  const [{ subdomain, slug }, { restored }] = await Promise.all([params, searchParams]);
  const { tenant, user } = await requireMember(subdomain);
  const page = await pageOf(tenant.id, slug);
  if (!page) notFound();
  // Reading the page answers what the bell said about it.
  const [threads] = await Promise.all([pageComments(tenant.id, page.id, user.id), markPageRead(tenant.id, user.id, page.id)]);
  const { owner, lastEdit } = page;
  return (
    <article className="space-y-4">
      <Breadcrumbs
        trail={[{ href: '/wiki', label: 'Wiki' }, ...page.ancestors.map((a) => ({ href: `/wiki/${a.slug}`, label: a.title }))]}
        current={page.title}
      />

      {restored ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-green-800">
          Restored from the Trash{restored === 'top' ? ' at the top level, because the page it was under is in the Trash' : ''}.
        </p>
      ) : null}

      {owner.kind === 'left' ? (
        <Section title="Owner left" tone="warning" className="space-y-3">
          <p className="text-amber-900">
            {owner.former ? `${owner.former.name}, who owned this page, has left the company.` : 'This page has no owner.'}{' '}
            {owner.suggestion ? `${owner.suggestion.name} was their manager.` : 'Choose someone to look after it.'}
          </p>
          {owner.suggestion ? (
            <ActionForm
              action={setOwnerAction}
              fields={{ slug: page.slug, owner: owner.suggestion.id }}
              label={`Make ${owner.suggestion.name} the owner`}
              busyLabel="Saving…"
            />
          ) : null}
          <OwnerForm slug={page.slug} setOwner={setOwnerAction} />
        </Section>
      ) : null}

      <header className="space-y-2">
        <h1 className="text-3xl font-bold break-words">{page.title}</h1>
        <p className="text-sm text-slate-600">
          Owner: {owner.kind === 'present' ? <Link href={`/people/${owner.id}`}>{owner.name}</Link> : 'none'}
          {lastEdit ? (
            <>
              {' · '}Last edited by {lastEdit.by ? <Link href={`/people/${lastEdit.by.id}`}>{lastEdit.by.name}</Link> : 'a former employee'} on{' '}
              {formatUtc(lastEdit.at)}
            </>
          ) : null}
        </p>
        <div className="flex flex-wrap items-start gap-2">
          <Link href={`/wiki/${page.slug}/edit`} variant="button" size="sm">
            Edit
          </Link>
          <Link href={`/wiki/${page.slug}/history`} variant="button" tone="secondary" size="sm">
            History
          </Link>
          <Link href={`/wiki/new?parent=${page.slug}`} variant="button" tone="secondary" size="sm">
            New page under this one
          </Link>
          <ActionForm
            action={deletePageAction}
            fields={{ slug: page.slug }}
            label="Delete"
            busyLabel="Deleting…"
            tone="danger"
            confirm={`Move “${page.title}” to the Trash? It can be restored from the wiki's front page.`}
          />
        </div>
      </header>

      <Card as="section" aria-label="Page text" className="sm:p-6">
        {page.body.trim() ? (
          <MarkdownView html={renderMarkdown(page.body)} />
        ) : (
          <p className="text-slate-600">
            This page is empty. <Link href={`/wiki/${page.slug}/edit`}>Write something</Link>.
          </p>
        )}
      </Card>

      <Section title="Pages under this one">
        {page.children.length === 0 ? (
          <p className="text-sm text-slate-600">None yet.</p>
        ) : (
          <ul aria-label="Pages under this one" className="space-y-1">
            {page.children.map((c) => (
              <li key={c.slug}>
                <Link href={`/wiki/${c.slug}`} variant="subtle">
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Comments" id="comments">
        <Comments
          threads={threads}
          slug={page.slug}
          actions={{ add: addCommentAction, edit: editCommentAction, remove: deleteCommentAction, resolve: resolveThreadAction }}
        />
      </Section>
      {owner.kind === 'present' ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">Change the owner</summary>
          <div className="mt-2">
            <OwnerForm slug={page.slug} setOwner={setOwnerAction} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
