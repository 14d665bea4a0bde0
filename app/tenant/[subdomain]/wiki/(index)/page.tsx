import type { Metadata } from 'next';
import { ActionForm } from '@/components/wiki/action-form';
import { PageTreeList } from '@/components/wiki/page-tree-list';
import { requireMember } from '@/lib/auth/guard';
import { formatUtc } from '@/lib/format-time';
import { wikiIndex } from '@/lib/wiki/wiki-index';
import { restorePageAction } from '../actions';

export const metadata: Metadata = { title: 'Wiki' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<{ deleted?: string }> };

const CARD = 'rounded-lg border border-slate-200 bg-white p-4';

export default async function WikiIndexPage({ params, searchParams }: Props) {
  const { tenant } = await requireMember((await params).subdomain);
  const [index, { deleted }] = await Promise.all([wikiIndex(tenant.id), searchParams]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Wiki</h1>
        <a
          href="/wiki/new"
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-on-accent hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          New page
        </a>
      </div>
      {deleted ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-green-800">
          Moved the page to the Trash. You can restore it below.
        </p>
      ) : null}

      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="all-pages" className={`${CARD} md:col-span-2`}>
          <h2 id="all-pages" className="mb-2 font-semibold">
            All pages ({index.count})
          </h2>
          {index.count === 0 ? (
            <p className="text-slate-600">
              No pages yet.{' '}
              <a href="/wiki/new" className="text-indigo-700 underline">
                Write the first one
              </a>
              .
            </p>
          ) : (
            <PageTreeList nodes={index.tree} label="Page tree" />
          )}
        </section>
        <div className="space-y-6">
          <section aria-labelledby="recent" className={CARD}>
            <h2 id="recent" className="mb-2 font-semibold">
              Recently updated
            </h2>
            {index.recent.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing yet.</p>
            ) : (
              <ul aria-label="Recently updated" className="space-y-1 text-sm">
                {index.recent.map((p) => (
                  <li key={p.slug}>
                    <a href={`/wiki/${p.slug}`} className="text-indigo-700 hover:underline">
                      {p.title}
                    </a>
                    <span className="block text-slate-600">{formatUtc(p.updatedAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="owner-left" className={CARD}>
            <h2 id="owner-left" className="mb-2 font-semibold">
              Owner left
            </h2>
            {index.ownerLeft.length === 0 ? (
              <p className="text-sm text-slate-600">Every page has an owner who is still here.</p>
            ) : (
              <ul aria-label="Pages whose owner left" className="space-y-1 text-sm">
                {index.ownerLeft.map((p) => (
                  <li key={p.slug}>
                    <a href={`/wiki/${p.slug}`} className="text-indigo-700 hover:underline">
                      {p.title}
                    </a>
                    <span className="text-slate-600"> · {p.formerOwner ? `was ${p.formerOwner}'s` : 'no owner'}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <section aria-labelledby="trash" className={CARD}>
        <h2 id="trash" className="mb-2 font-semibold">
          Trash
        </h2>
        {index.trash.length === 0 ? (
          <p className="text-sm text-slate-600">The Trash is empty.</p>
        ) : (
          <ul aria-label="Trash" className="divide-y divide-slate-200">
            {index.trash.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between">
                <span>
                  <span className="font-medium">{p.title}</span>
                  <span className="block text-sm text-slate-600">
                    /wiki/{p.slug} · deleted {formatUtc(p.deletedAt)}
                  </span>
                </span>
                <ActionForm action={restorePageAction} fields={{ id: p.id }} label={`Restore “${p.title}”`} busyLabel="Restoring…" tone="secondary" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
