import type { Metadata } from 'next';
import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { ActionForm } from '@/components/wiki/action-form';
import { PageTreeList } from '@/components/wiki/page-tree-list';
import { requireMember } from '@/lib/auth/guard';
import { formatUtc } from '@/lib/format-time';
import { wikiIndex } from '@/lib/wiki/wiki-index';
import { restorePageAction } from '../actions';

export const metadata: Metadata = { title: 'Wiki' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<{ deleted?: string }> };

export default async function WikiIndexPage({ params, searchParams }: Props) {
  const { tenant } = await requireMember((await params).subdomain);
  const [index, { deleted }] = await Promise.all([wikiIndex(tenant.id), searchParams]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Wiki</h1>
        <Link href="/wiki/new" variant="button">
          New page
        </Link>
      </div>
      {deleted ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-green-800">
          Moved the page to the Trash. You can restore it below.
        </p>
      ) : null}

      <div className="grid gap-6 md:grid-cols-3">
        <Section title={`All pages (${index.count})`} className="md:col-span-2">
          {index.count === 0 ? (
            <p className="text-slate-600">
              No pages yet. <Link href="/wiki/new">Write the first one</Link>.
            </p>
          ) : (
            <PageTreeList nodes={index.tree} label="Page tree" />
          )}
        </Section>
        <div className="space-y-6">
          <Section title="Recently updated">
            {index.recent.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing yet.</p>
            ) : (
              <ul aria-label="Recently updated" className="space-y-1 text-sm">
                {index.recent.map((p) => (
                  <li key={p.slug}>
                    <Link href={`/wiki/${p.slug}`} variant="subtle">
                      {p.title}
                    </Link>
                    <span className="block text-slate-600">{formatUtc(p.updatedAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title="Owner left">
            {index.ownerLeft.length === 0 ? (
              <p className="text-sm text-slate-600">Every page has an owner who is still here.</p>
            ) : (
              <ul aria-label="Pages whose owner left" className="space-y-1 text-sm">
                {index.ownerLeft.map((p) => (
                  <li key={p.slug}>
                    <Link href={`/wiki/${p.slug}`} variant="subtle">
                      {p.title}
                    </Link>
                    <span className="text-slate-600"> · {p.formerOwner ? `was ${p.formerOwner}'s` : 'no owner'}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      </div>

      <Section title="Trash">
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
      </Section>
    </div>
  );
}
