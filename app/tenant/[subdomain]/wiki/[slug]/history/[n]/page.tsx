import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DiffTable } from '@/components/wiki/diff-table';
import { ActionForm } from '@/components/wiki/action-form';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { formatUtc } from '@/lib/format-time';
import { revisionDiff } from '@/lib/wiki/history';
import { restoreRevisionAction } from '../../../actions';
import { slugFromPath } from '@/lib/wiki/slug';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';

type Props = { params: Promise<{ subdomain: string; slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Revision ${(await params).n}` };
}

export default async function RevisionPage({ params }: Props) {
  const { subdomain, slug: raw, n } = await params;
  const { tenant } = await requireMember(subdomain);
  const slug = slugFromPath(raw);
  const number = /^[1-9]\d{0,8}$/.test(n) ? Number(n) : null;
  const diff = slug && number ? await revisionDiff(tenant.id, slug, number) : null;
  if (!diff) notFound();
  const { page, revision } = diff;
  return (
    <div className="space-y-4">
      <Breadcrumbs
        trail={[
          { href: '/wiki', label: 'Wiki' },
          { href: `/wiki/${page.slug}`, label: page.title },
          { href: `/wiki/${page.slug}/history`, label: 'History' },
        ]}
      />
      <h1 className="text-2xl font-bold">
        Revision {revision.number} of “{page.title}”
      </h1>
      <p className="text-slate-700">
        By {revision.author ? <Link href={`/people/${revision.author.id}`}>{revision.author.name}</Link> : 'a former employee'} on{' '}
        {formatUtc(revision.createdAt)}.
      </p>
      {diff.titleChange ? (
        <p className="text-slate-700">
          Title changed from “{diff.titleChange.from}” to “{diff.titleChange.to}”.
        </p>
      ) : null}
      <DiffTable
        rows={diff.rows}
        caption={diff.previous ? `Changes from revision ${diff.previous} to revision ${revision.number}` : `Revision ${revision.number}, the first`}
      />
      {diff.isCurrent ? (
        <p className="text-sm text-slate-600">This is the current revision.</p>
      ) : (
        <ActionForm
          action={restoreRevisionAction}
          fields={{ slug: page.slug, number: revision.number, version: page.version }}
          label="Restore this revision"
          busyLabel="Restoring…"
          confirm={`Make revision ${revision.number} the current text? This adds a new revision; nothing is lost.`}
        />
      )}
    </div>
  );
}
