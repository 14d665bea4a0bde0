import { beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, type Tenant } from '../../lib/db';
import { createPage } from '../../lib/wiki/create-page';
import { revisionDiff } from '../../lib/wiki/history';
import { setPageOwner } from '../../lib/wiki/owner';
import { findPage } from '../../lib/wiki/read-page';
import { restoreRevision } from '../../lib/wiki/restore-revision';
import { savePage } from '../../lib/wiki/save-page';
import { deletePage, restorePage } from '../../lib/wiki/trash';
import { wikiIndex } from '../../lib/wiki/wiki-index';
import { withTestDatabase } from '../support/database';
import { tenantWithPeople } from './fixtures';

withTestDatabase();

let acme: Tenant;
let ids: Record<string, string>;

beforeAll(async () => {
  // boss ← lead ← dev
  ({ tenant: acme, ids } = await tenantWithPeople('acme', [
    ['boss', null],
    ['lead', 'boss'],
    ['dev', 'lead'],
  ]));
  await createPage(acme.id, ids.dev, { title: 'Handbook', body: 'top', parentSlug: '' });
  await createPage(acme.id, ids.dev, { title: 'Onboarding', body: 'middle', parentSlug: 'handbook' });
  await createPage(acme.id, ids.dev, { title: 'Laptops', body: 'bottom', parentSlug: 'onboarding' });
});

const versionOf = async (slug: string) => (await tenantDb(acme.id).wikiPage.findFirstOrThrow({ where: { slug } })).version;
const move = async (slug: string, parentSlug: string) => {
  const page = (await findPage(acme.id, slug))!;
  return savePage(acme.id, ids.dev, slug, { title: page.title, slug, body: page.body, parentSlug, version: page.version });
};

describe('the page tree', () => {
  it('shows breadcrumbs from the top and the children of a page', async () => {
    const page = (await findPage(acme.id, 'laptops'))!;
    expect(page.ancestors.map((a) => a.slug)).toEqual(['handbook', 'onboarding']);
    expect((await findPage(acme.id, 'handbook'))!.children.map((c) => c.slug)).toEqual(['onboarding']);
  });

  it('refuses to move a page under itself or under its own descendant, and changes nothing', async () => {
    await expect(move('handbook', 'handbook')).rejects.toThrow('A page cannot be its own parent.');
    await expect(move('handbook', 'laptops')).rejects.toThrow(/"Laptops" is inside this page.*loop/);
    expect((await findPage(acme.id, 'handbook'))!.ancestors).toEqual([]);
  });

  it('moves a page under another', async () => {
    await move('laptops', 'handbook');
    expect((await findPage(acme.id, 'laptops'))!.ancestors.map((a) => a.slug)).toEqual(['handbook']);
    await move('laptops', 'onboarding');
  });
});

describe('the Trash', () => {
  it('refuses to delete a page that has pages under it, naming them', async () => {
    await expect(deletePage(acme.id, 'onboarding')).rejects.toThrow(/"Onboarding" has pages under it \("Laptops"\)\. Move or delete them first\./);
  });

  it('soft-deletes: the page is gone from reading and listed in the Trash; restoring brings it back', async () => {
    const version = await versionOf('laptops');
    await deletePage(acme.id, 'laptops');
    expect(await findPage(acme.id, 'laptops')).toBeNull();
    const trash = (await wikiIndex(acme.id)).trash;
    expect(trash.map((p) => p.slug)).toEqual(['laptops']);
    // An editor still open on it is told it was deleted.
    await expect(savePage(acme.id, ids.dev, 'laptops', { title: 'x', slug: 'laptops', body: '', parentSlug: '', version })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await restorePage(acme.id, trash[0].id)).toEqual({ slug: 'laptops', movedToTop: false });
    expect((await findPage(acme.id, 'laptops'))!.ancestors.map((a) => a.slug)).toEqual(['handbook', 'onboarding']);
    await expect(restorePage(acme.id, trash[0].id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('restores a page whose parent is in the Trash at the top level', async () => {
    await deletePage(acme.id, 'laptops');
    await deletePage(acme.id, 'onboarding');
    const laptops = (await wikiIndex(acme.id)).trash.find((p) => p.slug === 'laptops')!;
    expect(await restorePage(acme.id, laptops.id)).toEqual({ slug: 'laptops', movedToTop: true });
    expect((await findPage(acme.id, 'laptops'))!.ancestors).toEqual([]);
  });
});

describe('revisions', () => {
  it('diffs a revision against the one before, line by line', async () => {
    const page = (await findPage(acme.id, 'handbook'))!;
    await savePage(acme.id, ids.lead, 'handbook', { title: 'Handbook', slug: 'handbook', body: 'top\nsecond line', parentSlug: '', version: page.version });
    const diff = (await revisionDiff(acme.id, 'handbook', 2))!;
    expect(diff.previous).toBe(1);
    expect(diff.isCurrent).toBe(true);
    expect(diff.rows).toEqual([
      { kind: 'unchanged', text: 'top' },
      { kind: 'added', text: 'second line' },
    ]);
    expect(await revisionDiff(acme.id, 'handbook', 99)).toBeNull();
  });

  it('restores an old revision as a new one, refusing a restore based on an old version', async () => {
    const version = await versionOf('handbook');
    await expect(restoreRevision(acme.id, ids.boss, 'handbook', 1, version - 1)).rejects.toMatchObject({ code: 'conflict' });
    await restoreRevision(acme.id, ids.boss, 'handbook', 1, version);
    const page = (await findPage(acme.id, 'handbook'))!;
    expect(page.body).toBe('top');
    expect(page.lastEdit).toMatchObject({ revision: 3, by: { id: ids.boss } });
    await expect(restoreRevision(acme.id, ids.boss, 'handbook', 42, page.version)).rejects.toThrow('This page has no revision 42.');
  });
});

describe('owners', () => {
  it('flags a page whose owner left and suggests their manager; nobody when the manager left too', async () => {
    expect((await findPage(acme.id, 'handbook'))!.owner).toMatchObject({ kind: 'present', id: ids.dev });
    await tenantDb(acme.id).user.update({ where: { id: ids.dev }, data: { active: false } });
    expect((await findPage(acme.id, 'handbook'))!.owner).toEqual({
      kind: 'left',
      former: { id: ids.dev, name: 'Dev Person' },
      suggestion: { id: ids.lead, name: 'Lead Person' },
    });
    expect((await wikiIndex(acme.id)).ownerLeft.map((p) => p.slug)).toContain('handbook');
    await tenantDb(acme.id).user.update({ where: { id: ids.lead }, data: { active: false } });
    expect((await findPage(acme.id, 'handbook'))!.owner).toMatchObject({ kind: 'left', suggestion: null });
  });

  it('hands a page to an active person only', async () => {
    await expect(setPageOwner(acme.id, 'handbook', ids.lead, ids.boss)).rejects.toThrow(/Nobody active here/);
    expect(await setPageOwner(acme.id, 'handbook', 'BOSS@acme.example', ids.boss)).toEqual({ name: 'Boss Person' });
    expect((await findPage(acme.id, 'handbook'))!.owner).toMatchObject({ kind: 'present', id: ids.boss });
    expect((await wikiIndex(acme.id)).ownerLeft.map((p) => p.slug)).not.toContain('handbook');
  });
});
