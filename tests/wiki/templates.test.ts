import { beforeAll, describe, expect, it } from 'vitest';
import { platformDb, tenantDb, type Tenant } from '../../lib/db';
import { logSentence } from '../../lib/admin/log-sentence';
import { deleteTemplate, findTemplate, listTemplates, saveTemplate } from '../../lib/wiki/templates/templates';
import { DEFAULT_TEMPLATES } from '../../lib/wiki/templates/default-templates';
import { withTestDatabase } from '../support/database';
import { tenantWithPeople } from './fixtures';
import { renderMarkdown } from '../../lib/wiki/render-markdown';

// Page templates: each tenant gets the defaults once (several first readers
// at once included), admins add, change and delete them with the reasons for
// bad input in words, and one tenant's templates are not another's.

withTestDatabase();

let acme: Tenant;
let globex: Tenant;
const actor = { type: 'system' as const, label: 'boss' };

const fresh = async (tenant: Tenant) => (await platformDb.findTenantBySubdomain(tenant.subdomain))!;

beforeAll(async () => {
  ({ tenant: acme } = await tenantWithPeople('templates', [['ada', null]]));
  ({ tenant: globex } = await tenantWithPeople('templates-elsewhere', [['gus', null]]));
});

describe('page templates', () => {
  it('gives the defaults once, however many ask at once, and not again after an admin deleted one', async () => {
    const lists = await Promise.all([listTemplates(acme), listTemplates(acme), listTemplates(acme)]);
    for (const list of lists) expect(list.map((t) => t.name)).toEqual(['Meeting notes', 'Onboarding checklist', 'Team page']);
    expect(await tenantDb(acme.id).pageTemplate.count()).toBe(3);
    const meeting = lists[0].find((t) => t.name === 'Meeting notes')!;
    await deleteTemplate(acme.id, actor, meeting.id);
    // The cached tenant still says "never given": the database's mark decides.
    expect((await listTemplates(acme)).map((t) => t.name)).toEqual(['Onboarding checklist', 'Team page']);
    expect((await fresh(acme)).templatesSeededAt).not.toBeNull();
  });

  it('are pages a reader can read: every default renders with its callouts and checklists', () => {
    const checklist = renderMarkdown(DEFAULT_TEMPLATES.find((t) => t.name === 'Onboarding checklist')!.body);
    expect(checklist).toContain('class="callout callout-tip"');
    expect(checklist).toContain('☐');
  });

  it('are added, changed and deleted by admins, with the audit log saying so and bad input refused in words', async () => {
    const added = await saveTemplate(acme.id, actor, '', { name: '  Retro  ', description: 'What went well', body: '## Went well\n' });
    expect(added).toMatchObject({ name: 'Retro', description: 'What went well' });
    await expect(saveTemplate(acme.id, actor, '', { name: 'Retro', description: '', body: '' })).rejects.toThrow('There is already a template called "Retro".');
    await expect(saveTemplate(acme.id, actor, '', { name: ' ', description: '', body: '' })).rejects.toThrow('Give the template a name.');
    await expect(saveTemplate(acme.id, actor, 'nonsense', { name: 'X', description: '', body: '' })).rejects.toThrow('Reload the page');
    const changed = await saveTemplate(acme.id, actor, added.id, { name: 'Retrospective', description: '', body: '## Went well\n\n## To change\n' });
    expect((await findTemplate(acme.id, added.id))?.body).toBe(changed.body);
    await deleteTemplate(acme.id, actor, added.id);
    await expect(deleteTemplate(acme.id, actor, added.id)).rejects.toThrow('This template was deleted already.');
    const events = await tenantDb(acme.id).auditEvent.findMany({ where: { action: { startsWith: 'template.' } }, orderBy: { at: 'asc' } });
    expect(events.map((e) => logSentence({ ...e, details: e.details as Record<string, unknown>, targetName: null, status: null }))).toEqual([
      'boss deleted the page template Meeting notes',
      'boss added the page template Retro',
      'boss changed the page template Retrospective',
      'boss deleted the page template Retrospective',
    ]);
  });

  it('are each tenant’s own', async () => {
    const [theirs] = await listTemplates(globex);
    expect(await findTemplate(acme.id, theirs.id)).toBeNull();
    await expect(saveTemplate(acme.id, actor, theirs.id, { name: 'Hijacked', description: '', body: '' })).rejects.toThrow(
      'This template was deleted meanwhile.',
    );
    await expect(deleteTemplate(acme.id, actor, theirs.id)).rejects.toThrow('This template was deleted already.');
    expect((await findTemplate(globex.id, theirs.id))?.name).toBe(theirs.name);
  });
});
