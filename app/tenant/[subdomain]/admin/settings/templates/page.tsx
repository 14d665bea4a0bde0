import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SettingsTabs } from '@/components/admin/admin-tabs';
import { TemplateForm } from '@/components/admin/template-form';
import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { Table } from '@/components/ui/table';
import { ActionForm } from '@/components/wiki/action-form';
import { requireAdmin } from '@/lib/auth/guard';
import { findTemplate, listTemplates } from '@/lib/wiki/templates/templates';
import { deleteTemplateAction, saveTemplateAction } from '../../actions';

export const metadata: Metadata = { title: 'Page templates' };

type Props = { params: Promise<{ subdomain: string }>; searchParams: Promise<{ edit?: string; saved?: string }> };

export default async function TemplatesPage({ params, searchParams }: Props) {
  const [{ subdomain }, { edit, saved }] = await Promise.all([params, searchParams]);
  const { tenant } = await requireAdmin(subdomain);
  const templates = await listTemplates(tenant);
  const editing = edit && edit !== 'new' ? await findTemplate(tenant.id, edit) : null;
  if (edit && edit !== 'new' && !editing) notFound();
  return (
    <>
      <SettingsTabs />
      <div className="mt-6 space-y-8">
        {edit ? (
          <Section title={editing ? `Edit “${editing.name}”` : 'New template'} framed={false}>
            <div className="mt-3">
              <TemplateForm key={editing?.id ?? 'new'} template={editing} save={saveTemplateAction} />
            </div>
          </Section>
        ) : (
          <Section
            title="Page templates"
            framed={false}
            action={
              <Link href="/admin/settings/templates?edit=new" variant="button" size="sm">
                New template
              </Link>
            }
          >
            <p className="mt-1 text-slate-600">Offered to everyone who creates a wiki page, as its starting text.</p>
            {saved ? (
              <p role="status" className="mt-3 rounded-md bg-green-50 px-3 py-2 text-green-800">
                Template saved.
              </p>
            ) : null}
            {templates.length === 0 ? (
              <p className="mt-3 rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">No templates: pages start blank.</p>
            ) : (
              <div className="mt-3">
                <Table
                  caption="Page templates"
                  rows={templates}
                  rowKey={(t) => t.id}
                  columns={[
                    { header: 'Name', rowHeader: true, cell: (t) => t.name },
                    { header: 'What it is for', cell: (t) => t.description },
                    {
                      header: 'Actions',
                      cell: (t) => (
                        <div className="flex flex-wrap items-start gap-2">
                          <Link href={`/admin/settings/templates?edit=${t.id}`} variant="button" tone="secondary" size="sm" aria-label={`Edit ${t.name}`}>
                            Edit
                          </Link>
                          <ActionForm
                            action={deleteTemplateAction}
                            fields={{ id: t.id }}
                            label="Delete"
                            busyLabel="Deleting…"
                            tone="danger"
                            confirm={`Delete the template “${t.name}”? Pages made from it stay as they are.`}
                          />
                        </div>
                      ),
                    },
                  ]}
                />
              </div>
            )}
          </Section>
        )}
      </div>
    </>
  );
}
