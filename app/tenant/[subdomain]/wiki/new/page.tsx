import type { Metadata } from 'next';
import { PageEditor } from '@/components/wiki/page-editor';
import { Link } from '@/components/ui/link';
import { requireMember } from '@/lib/auth/guard';
import { flattenTree } from '@/lib/wiki/page-tree';
import { listTemplates } from '@/lib/wiki/templates/templates';
import { pageTree } from '@/lib/wiki/wiki-index';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { createPageAction } from '../actions';

export const metadata: Metadata = { title: 'New page' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<{ parent?: string; template?: string }> };

export default async function NewPage({ params, searchParams }: Props) {
  const { tenant } = await requireMember((await params).subdomain);
  const [{ tree }, { parent, template: templateId }, templates] = await Promise.all([pageTree(tenant.id), searchParams, listTemplates(tenant)]);
  const parents = flattenTree(tree);
  // ?parent=<slug> preselects it when such a page exists; anything else starts at the top level.
  const parentSlug = parents.some((p) => p.slug === parent) ? parent! : '';
  const template = templates.find((t) => t.id === templateId) ?? null;
  const startFrom = (id: string | null) =>
    `/wiki/new?${new URLSearchParams({ ...(parentSlug ? { parent: parentSlug } : {}), ...(id ? { template: id } : {}) })}`;
  return (
    <div className="space-y-4">
      <Breadcrumbs trail={[{ href: '/wiki', label: 'Wiki' }]} />
      <h1 className="text-2xl font-bold">New page</h1>
      {templates.length > 0 ? (
        <nav aria-label="Start from" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600">Start from:</span>
          {[{ id: null, name: 'A blank page', description: '' }, ...templates].map((t) => (
            <Link
              key={t.id ?? 'blank'}
              href={startFrom(t.id)}
              variant="button"
              tone={t.id === (template?.id ?? null) ? 'primary' : 'secondary'}
              size="sm"
              aria-current={t.id === (template?.id ?? null) ? 'page' : undefined}
              title={t.description || undefined}
            >
              {t.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <PageEditor
        key={template?.id ?? 'blank'}
        page={{ slug: null, title: '', body: template?.body ?? '', parentSlug, version: 1 }}
        parents={parents}
        save={createPageAction}
      />
    </div>
  );
}
