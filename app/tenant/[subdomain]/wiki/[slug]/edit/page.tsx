import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageEditor } from '@/components/wiki/page-editor';
import { requireMember } from '@/lib/auth/guard';
import { flattenTree, withoutSubtree } from '@/lib/wiki/page-tree';
import { findPage } from '@/lib/wiki/read-page';
import { pageTree } from '@/lib/wiki/wiki-index';
import { slugFromPath } from '@/lib/wiki/slug';

export const metadata: Metadata = { title: 'Edit page' };

type Props = { params: Promise<{ subdomain: string; slug: string }> };

export default async function EditWikiPage({ params }: Props) {
  const { subdomain, slug: raw } = await params;
  const { tenant } = await requireMember(subdomain);
  const slug = slugFromPath(raw);
  const [page, { tree }] = await Promise.all([slug ? findPage(tenant.id, slug) : null, pageTree(tenant.id)]);
  if (!page) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          <li className="after:ml-1 after:content-['›']"><a href="/wiki" className="text-indigo-700 underline">Wiki</a></li>
          <li><a href={`/wiki/${page.slug}`} className="text-indigo-700 underline">{page.title}</a></li>
        </ol>
      </nav>
      <h1 className="text-2xl font-bold">Edit “{page.title}”</h1>
      {/* A page cannot move under itself or under a page inside it; the server refuses that too. */}
      <PageEditor page={{ slug: page.slug, title: page.title, body: page.body, parentSlug: page.parentSlug, version: page.version }} parents={flattenTree(withoutSubtree(tree, page.slug))} />
    </div>
  );
}
