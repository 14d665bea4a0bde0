import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { formatUtc } from '@/lib/format-time';
import { pageHistory } from '@/lib/wiki/history';
import { slugFromPath } from '@/lib/wiki/slug';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';

export const metadata: Metadata = { title: 'Page history' };

type Props = { params: Promise<{ subdomain: string; slug: string }> };

export default async function HistoryPage({ params }: Props) {
  const { subdomain, slug: raw } = await params;
  const { tenant } = await requireMember(subdomain);
  const slug = slugFromPath(raw);
  const history = slug ? await pageHistory(tenant.id, slug) : null;
  if (!history) notFound();
  const { page, revisions } = history;
  return (
    <div className="space-y-4">
      <Breadcrumbs
        trail={[
          { href: '/wiki', label: 'Wiki' },
          { href: `/wiki/${page.slug}`, label: page.title },
        ]}
      />
      <h1 className="text-2xl font-bold">History of “{page.title}”</h1>
      {revisions.length === 0 ? (
        <p className="text-slate-600">No revisions recorded.</p>
      ) : (
        <ol aria-label="Revisions" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {revisions.map((r, i) => (
            <li key={r.number} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between">
              <span>
                <Link href={`/wiki/${page.slug}/history/${r.number}`} className="font-medium">
                  Revision {r.number}
                </Link>
                {i === 0 ? <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">current</span> : null}
                <span className="block text-sm text-slate-600">“{r.title}”</span>
              </span>
              <span className="text-sm text-slate-600">
                {r.author ? r.author.name : 'A former employee'} · {formatUtc(r.createdAt)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
