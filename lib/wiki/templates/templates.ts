import { z } from 'zod';
import type { Actor } from '../../actor';
import { recordAuditEvent } from '../../audit/record-event';
import { isUniqueViolation, platformDb, tenantDb } from '../../db';
import { AppError } from '../../errors';
import { BODY_MAX } from '../page-input';
import { parseInput } from '../parse-input';
import { DEFAULT_TEMPLATES } from './default-templates';

// Page templates: the starting texts offered when a page is created. Every
// tenant gets the defaults once; admins add, change and delete them.

export interface TemplateView {
  id: string;
  name: string;
  description: string;
  body: string;
}

const SELECT = { id: true, name: true, description: true, body: true } as const;

/** Gives the tenant the default templates, the first time anyone asks (once, whatever happens at the same time). */
async function seedDefaults(tenantId: string): Promise<void> {
  if (!(await platformDb.claimTemplateSeeding(tenantId))) return;
  try {
    await tenantDb(tenantId).pageTemplate.createMany({ data: DEFAULT_TEMPLATES.map((t) => ({ tenantId, ...t })), skipDuplicates: true });
  } catch (error) {
    await platformDb.unclaimTemplateSeeding(tenantId);
    throw error;
  }
}

export async function listTemplates(tenant: { id: string; templatesSeededAt: Date | null }): Promise<TemplateView[]> {
  if (!tenant.templatesSeededAt) await seedDefaults(tenant.id);
  return tenantDb(tenant.id).pageTemplate.findMany({ orderBy: { name: 'asc' }, select: SELECT });
}

export async function findTemplate(tenantId: string, id: string): Promise<TemplateView | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return tenantDb(tenantId).pageTemplate.findUnique({ where: { id }, select: SELECT });
}

const templateInput = z.object({
  name: z.string().trim().min(1, 'Give the template a name.').max(80, 'A template name is at most 80 characters.'),
  description: z.string().trim().max(200, 'A description is at most 200 characters.'),
  body: z.string().max(BODY_MAX, `A template is at most ${BODY_MAX.toLocaleString('en')} characters.`),
});

const idInput = z.uuid({ message: 'Reload the page: the form did not say which template.' });

const taken = (name: string) => new AppError('conflict', `There is already a template called "${name}".`);

/** Adds a template (`id` empty) or changes one. */
export async function saveTemplate(tenantId: string, actor: Actor, id: string, input: unknown): Promise<TemplateView> {
  const data = parseInput(templateInput, input);
  const db = tenantDb(tenantId);
  try {
    return await db.$transaction(async (tx) => {
      let saved: TemplateView;
      if (id) {
        const { count } = await tx.pageTemplate.updateMany({ where: { id: parseInput(idInput, id) }, data });
        if (count === 0) throw new AppError('not_found', 'This template was deleted meanwhile.');
        saved = (await tx.pageTemplate.findUnique({ where: { id }, select: SELECT }))!;
      } else {
        saved = await tx.pageTemplate.create({ data: { tenantId, ...data }, select: SELECT });
      }
      await recordAuditEvent(tx, tenantId, { actor, action: id ? 'template.update' : 'template.create', details: { name: data.name } });
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(data.name);
    throw error;
  }
}

export async function deleteTemplate(tenantId: string, actor: Actor, id: string): Promise<void> {
  await tenantDb(tenantId).$transaction(async (tx) => {
    const template = await tx.pageTemplate.findUnique({ where: { id: parseInput(idInput, id) }, select: { name: true } });
    if (!template) throw new AppError('not_found', 'This template was deleted already.');
    await tx.pageTemplate.delete({ where: { id } });
    await recordAuditEvent(tx, tenantId, { actor, action: 'template.delete', details: { name: template.name } });
  });
}
