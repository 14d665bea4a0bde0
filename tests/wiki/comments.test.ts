import { beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, type Tenant } from '../../lib/db';
import { inbox } from '../../lib/notifications/inbox';
import { pageComments } from '../../lib/wiki/comments/page-comments';
import { addComment, deleteComment, editComment, resolveThread } from '../../lib/wiki/comments/write-comment';
import { createPage } from '../../lib/wiki/create-page';
import { withTestDatabase } from '../support/database';
import { tenantWithPeople } from './fixtures';

// Comments on pages: threads and replies, who is told, editing and deleting
// one's own only, resolving, and nothing across tenants.

withTestDatabase();

let acme: Tenant;
let ids: Record<string, string>;
let globex: Tenant;
let globexIds: Record<string, string>;

beforeAll(async () => {
  ({ tenant: acme, ids } = await tenantWithPeople('talk', [
    ['lead', null],
    ['dev', 'lead'],
    ['pat', 'lead'],
  ]));
  ({ tenant: globex, ids: globexIds } = await tenantWithPeople('talk-elsewhere', [['eve', null]]));
  await createPage(acme.id, ids.dev!, { title: 'Deploys', body: 'Friday afternoons are fine.', parentSlug: '' });
});

const sentences = async (handle: string) => (await inbox(acme.id, ids[handle]!)).items.map((i) => i.sentence);
const comment = (handle: string, body: string, threadId = '') => addComment(acme.id, ids[handle]!, { slug: 'deploys', body, threadId });
const pageId = async () => (await tenantDb(acme.id).wikiPage.findFirst({ where: { slug: 'deploys' }, select: { id: true } }))!.id;

describe('comments', () => {
  it('tell the owner, the thread and the people mentioned, once each, and never the writer', async () => {
    const thread = await comment('pat', 'Are they?');
    expect(await sentences('dev')).toEqual(['Pat Person commented on Deploys, which you own']);
    await comment('lead', `No. [@Pat](/people/${ids.pat}) is right, and [@Dev](/people/${ids.dev}) knows.`, thread.id);
    // Pat wrote in the thread and is mentioned: told once, as mentioned. Dev is owner and mentioned: mentioned.
    expect(await sentences('pat')).toEqual(['Lead Person mentioned you on Deploys']);
    expect(await sentences('dev')).toEqual(['Lead Person mentioned you on Deploys', 'Pat Person commented on Deploys, which you own']);
    await comment('dev', 'Fine, Mondays then.', thread.id);
    expect((await sentences('pat'))[0]).toBe('Dev Person replied to your comment on Deploys');
    expect((await sentences('lead'))[0]).toBe('Dev Person replied to your comment on Deploys');
    expect(await sentences('dev')).toHaveLength(2);

    const [shown] = await pageComments(acme.id, await pageId(), ids.pat!);
    expect(shown.comments.map((c) => [c.author?.name, c.own])).toEqual([
      ['Pat Person', true],
      ['Lead Person', false],
      ['Dev Person', false],
    ]);
    expect(shown.comments[1].html).toContain(`<a href="/people/${ids.pat}" class="mention">@Pat</a>`);
  });

  it('are edited and deleted by their authors only; a first comment with replies stays as deleted', async () => {
    const thread = await comment('pat', 'Typo: <script>alert(1)</script> Fridya');
    const reply = await comment('lead', 'Fixed?', thread.id);
    await expect(editComment(acme.id, ids.lead!, { id: thread.id, body: 'Mine now' })).rejects.toThrow('Only its author may change or delete a comment.');
    await expect(deleteComment(acme.id, ids.lead!, { id: thread.id })).rejects.toThrow('Only its author');
    await expect(editComment(acme.id, ids.pat!, { id: thread.id, body: '   ' })).rejects.toThrow('Write something first.');
    await editComment(acme.id, ids.pat!, { id: thread.id, body: 'Typo: Friday' });
    let [shown] = (await pageComments(acme.id, await pageId(), ids.pat!)).filter((t) => t.id === thread.id);
    expect(shown.comments[0]).toMatchObject({ body: 'Typo: Friday', edited: true, own: true });

    await deleteComment(acme.id, ids.pat!, { id: thread.id });
    [shown] = (await pageComments(acme.id, await pageId(), ids.pat!)).filter((t) => t.id === thread.id);
    expect(shown.comments.map((c) => c.deleted)).toEqual([true, false]);
    expect(shown.comments[0]).toMatchObject({ body: '', html: '', own: false });
    // The last reply goes, and the empty thread with it.
    await deleteComment(acme.id, ids.lead!, { id: reply.id });
    expect((await pageComments(acme.id, await pageId(), ids.pat!)).some((t) => t.id === thread.id)).toBe(false);
  });

  it('resolve and reopen as threads, resolved ones after the open', async () => {
    const first = await comment('pat', 'One');
    const second = await comment('pat', 'Two');
    await resolveThread(acme.id, ids.lead!, { id: first.id, resolved: 'yes' });
    let threads = await pageComments(acme.id, await pageId(), ids.pat!);
    expect(threads.at(-1)).toMatchObject({ id: first.id, resolved: { by: 'Lead Person' } });
    expect(threads.findIndex((t) => t.id === second.id)).toBeLessThan(threads.length - 1);
    const reply = await comment('dev', 'Three', second.id);
    await expect(resolveThread(acme.id, ids.lead!, { id: reply.id, resolved: 'yes' })).rejects.toThrow('Resolve the thread, not a reply in it.');
    await resolveThread(acme.id, ids.dev!, { id: first.id, resolved: 'no' });
    threads = await pageComments(acme.id, await pageId(), ids.pat!);
    expect(threads.find((t) => t.id === first.id)?.resolved).toBeNull();
  });

  it('tell nobody who has left', async () => {
    await tenantDb(acme.id).user.update({ where: { id: ids.lead! }, data: { active: false } });
    const before = (await sentences('lead')).length;
    await comment('pat', `Ask [@Lead](/people/${ids.lead}).`);
    expect(await sentences('lead')).toHaveLength(before);
    await tenantDb(acme.id).user.update({ where: { id: ids.lead! }, data: { active: true } });
  });

  it('are not reachable from another tenant', async () => {
    const mine = await comment('pat', 'Private');
    await expect(editComment(globex.id, globexIds.eve!, { id: mine.id, body: 'Defaced' })).rejects.toThrow('This comment is gone');
    await expect(resolveThread(globex.id, globexIds.eve!, { id: mine.id, resolved: 'yes' })).rejects.toThrow('This comment is gone');
    await expect(addComment(globex.id, globexIds.eve!, { slug: 'deploys', body: 'Hi', threadId: mine.id })).rejects.toThrow('There is no such page');
    const [shown] = (await pageComments(acme.id, await pageId(), ids.pat!)).filter((t) => t.id === mine.id);
    expect(shown.comments[0].body).toBe('Private');
  });
});
