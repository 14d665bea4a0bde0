import { beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, type Tenant } from '../../lib/db';
import { createPage } from '../../lib/wiki/create-page';
import { pageHistory, revisionDiff } from '../../lib/wiki/history';
import { setPageOwner } from '../../lib/wiki/owner';
import { findPage } from '../../lib/wiki/read-page';
import { restoreRevision } from '../../lib/wiki/restore-revision';
import { savePage } from '../../lib/wiki/save-page';
import { deletePage, restorePage } from '../../lib/wiki/trash';
import { wikiIndex } from '../../lib/wiki/wiki-index';
import { withTestDatabase } from '../support/database';
import { tenantWithPeople } from './fixtures';

// Slugs, ids and people named in a request are looked up in the caller's
// tenant only: another tenant's page, parent, trash entry or person reads as
// not found, whatever the caller knows about it.

withTestDatabase();

let acme: Tenant;
let globex: Tenant;
let acmeIds: Record<string, string>;
let globexIds: Record<string, string>;
let globexTrashId: string;

beforeAll(async () => {
  ({ tenant: acme, ids: acmeIds } = await tenantWithPeople('acme', [['ada', null]]));
  ({ tenant: globex, ids: globexIds } = await tenantWithPeople('globex', [['gus', null]]));
  await createPage(globex.id, globexIds.gus, { title: 'Secret plans', body: 'globex only', parentSlug: '' });
  await createPage(globex.id, globexIds.gus, { title: 'Old plans', body: 'in the trash', parentSlug: '' });
  await deletePage(globex.id, 'old-plans');
  globexTrashId = (await wikiIndex(globex.id)).trash[0].id;
  await createPage(acme.id, acmeIds.ada, { title: 'Ours', body: '', parentSlug: '' });
});

describe('wiki tenant isolation', () => {
  it("does not read another tenant's page, history or revisions", async () => {
    expect(await findPage(acme.id, 'secret-plans')).toBeNull();
    expect(await pageHistory(acme.id, 'secret-plans')).toBeNull();
    expect(await revisionDiff(acme.id, 'secret-plans', 1)).toBeNull();
    const index = await wikiIndex(acme.id);
    expect([...index.tree, ...index.recent, ...index.trash].map((p) => p.slug)).toEqual(['ours', 'ours']);
  });

  it("does not write, delete, restore or re-own another tenant's page", async () => {
    await expect(
      savePage(acme.id, acmeIds.ada, 'secret-plans', { title: 'Mine', slug: 'secret-plans', body: 'x', parentSlug: '', version: 1 }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(deletePage(acme.id, 'secret-plans')).rejects.toMatchObject({ code: 'not_found' });
    await expect(restorePage(acme.id, globexTrashId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(restoreRevision(acme.id, acmeIds.ada, 'secret-plans', 1, 1)).rejects.toMatchObject({ code: 'not_found' });
    await expect(setPageOwner(acme.id, 'secret-plans', acmeIds.ada, acmeIds.ada)).rejects.toMatchObject({ code: 'not_found' });
    const theirs = await tenantDb(globex.id).wikiPage.findFirstOrThrow({ where: { slug: 'secret-plans' } });
    expect(theirs).toMatchObject({ title: 'Secret plans', body: 'globex only', version: 1, ownerId: globexIds.gus, deletedAt: null });
  });

  it("does not put a page under another tenant's page, nor hand it to or mention another tenant's person", async () => {
    await expect(createPage(acme.id, acmeIds.ada, { title: 'Child', body: '', parentSlug: 'secret-plans' })).rejects.toThrow(/There is no page "secret-plans"/);
    await expect(setPageOwner(acme.id, 'ours', globexIds.gus, acmeIds.ada)).rejects.toThrow(/Nobody active here/);
    await expect(setPageOwner(acme.id, 'ours', 'gus@globex.example', acmeIds.ada)).rejects.toThrow(/Nobody active here/);
    await savePage(acme.id, acmeIds.ada, 'ours', {
      title: 'Ours',
      slug: 'ours',
      body: `[@Gus](/people/${globexIds.gus}) [@Gus](/people/gus@globex.example)`,
      parentSlug: '',
      version: 1,
    });
    expect(await tenantDb(acme.id).pageMention.count()).toBe(0);
  });
});
