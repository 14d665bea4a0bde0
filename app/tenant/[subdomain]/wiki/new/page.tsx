import type { Metadata } from 'next';
import { PageEditor } from '@/components/wiki/page-editor';
import { requireMember } from '@/lib/auth/guard';
import { flattenTree } from '@/lib/wiki/page-tree';
import { pageTree } from '@/lib/wiki/wiki-index';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { createPageAction } from '../actions';

export const metadata: Metadata = { title: 'New page' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<{ parent?: string }> };

export default async function NewPage({ params, searchParams }: Props) {
  const { tenant } = await requireMember((await params).subdomain);
  const [{ tree }, { parent }] = await Promise.all([pageTree(tenant.id), searchParams]);
  const parents = flattenTree(tree);
  // ?parent=<slug> preselects it when such a page exists; anything else starts at the top level.
  const parentSlug = parents.some((p) => p.slug === parent) ? parent! : '';
  return (
    <div className="space-y-4">
      <Breadcrumbs trail={[{ href: '/wiki', label: 'Wiki' }]} />
      <h1 className="text-2xl font-bold">New page</h1>
      <PageEditor page={{ slug: null, title: '', body: '', parentSlug, version: 1 }} parents={parents} save={createPageAction} />
    </div>
  );
}
