import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, type Tenant } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { createPage } from '../../lib/wiki/create-page';
import { findPage } from '../../lib/wiki/read-page';
import { savePage } from '../../lib/wiki/save-page';
import { withTestDatabase } from '../support/database';
import { tenantWithPeople } from './fixtures';

// Saving is all or nothing: the page, its new revision and its mention rows
// change together, and a save based on an old version is refused.

const database = withTestDatabase();

let acme: Tenant;
let ids: Record<string, string>;

beforeAll(async () => {
  ({ tenant: acme, ids } = await tenantWithPeople('acme', [
    ['ada', null],
    ['grace', null],
    ['linus', null],
  ]));
});

const mentionsOf = async (pageId: string) =>
  (await tenantDb(acme.id).pageMention.findMany({ where: { pageId }, select: { userId: true } })).map((m) => m.userId).sort();

const edit = (over: Partial<Record<'title' | 'slug' | 'body' | 'parentSlug', string>> & { version: number }) => ({
  title: 'Runbook',
  slug: 'runbook',
  body: '',
  parentSlug: '',
  ...over,
});

describe('createPage and savePage', () => {
  it('creates a page owned by its author, with revision 1 and its mentions', async () => {
    const { slug } = await createPage(acme.id, ids.ada, {
      title: 'Runbook',
      body: `On call: [@Grace](/people/${ids.grace}) and [Linus](/people/linus@acme.example).`,
      parentSlug: '',
    });
    expect(slug).toBe('runbook');
    const page = await tenantDb(acme.id).wikiPage.findFirstOrThrow({ where: { slug }, include: { revisions: true } });
    expect(page.ownerId).toBe(ids.ada);
    expect(page.revisions.map((r) => [r.number, r.authorId])).toEqual([[1, ids.ada]]);
    expect(await mentionsOf(page.id)).toEqual([ids.grace, ids.linus].sort());
  });

  it('gives a second page with the same title the next free address', async () => {
    expect((await createPage(acme.id, ids.ada, { title: 'Runbook', body: '', parentSlug: '' })).slug).toBe('runbook-2');
  });

  it('saves text, title and address as a new revision and rewrites the mentions', async () => {
    const { slug } = await savePage(
      acme.id,
      ids.grace,
      'runbook',
      edit({ title: 'On-call runbook', slug: 'on-call', body: `Now only [@Ada](/people/${ids.ada}).`, version: 1 }),
    );
    expect(slug).toBe('on-call');
    const page = await tenantDb(acme.id).wikiPage.findFirstOrThrow({ where: { slug: 'on-call' }, include: { revisions: { orderBy: { number: 'asc' } } } });
    expect(page).toMatchObject({ title: 'On-call runbook', version: 2 });
    expect(page.revisions.map((r) => [r.number, r.title, r.authorId])).toEqual([
      [1, 'Runbook', ids.ada],
      [2, 'On-call runbook', ids.grace],
    ]);
    expect(await mentionsOf(page.id)).toEqual([ids.ada]);
    expect(await findPage(acme.id, 'runbook')).toBeNull(); // the old address answers 404
  });

  it('refuses a save from an old version, telling the person their text is kept, and writes nothing', async () => {
    const error = await savePage(acme.id, ids.linus, 'on-call', edit({ slug: 'on-call', body: 'stale', version: 1 })).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toMatch(/Someone else saved this page.*now at version 2.*Your text is still here/);
    const page = await tenantDb(acme.id).wikiPage.findFirstOrThrow({ where: { slug: 'on-call' } });
    expect(page.body).toBe(`Now only [@Ada](/people/${ids.ada}).`);
    expect(await tenantDb(acme.id).pageRevision.count({ where: { pageId: page.id } })).toBe(2);
  });

  it('lets exactly one of two simultaneous saves from the same version through', async () => {
    const saves = await Promise.allSettled(
      [ids.grace, ids.linus].map((who) => savePage(acme.id, who, 'on-call', edit({ slug: 'on-call', body: `by [@me](/people/${who})`, version: 2 }))),
    );
    expect(saves.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const refused = saves.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'conflict' });
    const page = await tenantDb(acme.id).wikiPage.findFirstOrThrow({
      where: { slug: 'on-call' },
      include: { revisions: { orderBy: { number: 'desc' }, take: 1 } },
    });
    expect(page.version).toBe(3);
    expect(page.revisions[0]).toMatchObject({ number: 3, body: page.body });
    expect(await mentionsOf(page.id)).toEqual([page.revisions[0].authorId]);
  });

  it('writes nothing when the save fails after the page row changed (a failing mention insert, forced by a trigger)', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        `CREATE FUNCTION refuse_mention() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."userId" = '${ids.linus}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`,
      );
      await client.query('CREATE TRIGGER refuse_mention BEFORE INSERT ON "PageMention" FOR EACH ROW EXECUTE FUNCTION refuse_mention()');
      const before = await tenantDb(acme.id).wikiPage.findFirstOrThrow({ where: { slug: 'on-call' } });
      await expect(
        savePage(acme.id, ids.ada, 'on-call', edit({ slug: 'on-call', title: 'Changed', body: `[@Linus](/people/${ids.linus})`, version: before.version })),
      ).rejects.toThrow(/refused/);
      const after = await tenantDb(acme.id).wikiPage.findFirstOrThrow({ where: { slug: 'on-call' } });
      expect(after).toEqual(before);
      expect(await tenantDb(acme.id).pageRevision.count({ where: { pageId: before.id } })).toBe(3);
      expect(await mentionsOf(before.id)).toHaveLength(1);
    } finally {
      await client.query('DROP TRIGGER IF EXISTS refuse_mention ON "PageMention"; DROP FUNCTION IF EXISTS refuse_mention()');
      await client.end();
    }
  });

  it('says clearly what is wrong with bad input', async () => {
    await expect(createPage(acme.id, ids.ada, { title: '   ', body: '', parentSlug: '' })).rejects.toThrow('Give the page a title.');
    await expect(savePage(acme.id, ids.ada, 'on-call', edit({ slug: 'Bad Slug!', version: 3 }))).rejects.toThrow(
      /lowercase letters, digits and single hyphens/,
    );
    await expect(savePage(acme.id, ids.ada, 'on-call', edit({ slug: 'new', version: 3 }))).rejects.toThrow(/used by the wiki itself/);
    await expect(savePage(acme.id, ids.ada, 'on-call', edit({ slug: 'runbook-2', version: 3 }))).rejects.toThrow(/"runbook-2" belongs to another page/);
    await expect(createPage(acme.id, ids.ada, { title: 'x', body: '', parentSlug: 'no-such-page' })).rejects.toThrow(/There is no page "no-such-page"/);
    await expect(savePage(acme.id, ids.ada, 'no-such-page', edit({ version: 1 }))).rejects.toMatchObject({ code: 'not_found' });
  });
});
