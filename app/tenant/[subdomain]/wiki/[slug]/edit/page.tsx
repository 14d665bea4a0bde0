import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageEditor } from '@/components/wiki/page-editor';
import { requireMember } from '@/lib/auth/guard';
import { flattenTree, withoutSubtree } from '@/lib/wiki/page-tree';
import { findPage } from '@/lib/wiki/read-page';
import { pageTree } from '@/lib/wiki/wiki-index';
import { slugFromPath } from '@/lib/wiki/slug';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { savePageAction } from '../../actions';

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
      <Breadcrumbs
        trail={[
          { href: '/wiki', label: 'Wiki' },
          { href: `/wiki/${page.slug}`, label: page.title },
        ]}
      />
      <h1 className="text-2xl font-bold">Edit “{page.title}”</h1>
      {/* A page cannot move under itself or under a page inside it; the server refuses that too. */}
      <PageEditor
        page={{ slug: page.slug, title: page.title, body: page.body, parentSlug: page.parentSlug, version: page.version }}
        parents={flattenTree(withoutSubtree(tree, page.slug))}
        save={savePageAction}
      />
    </div>
  );
}
