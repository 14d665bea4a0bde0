import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, type Tenant } from '../../lib/db';
import { closeMailer } from '../../lib/mail/mailer';
import { sendDigests } from '../../lib/notifications/digest';
import { inbox, markAllRead, markPageRead, setDigest } from '../../lib/notifications/inbox';
import { createPage } from '../../lib/wiki/create-page';
import { setPageOwner } from '../../lib/wiki/owner';
import { findPage } from '../../lib/wiki/read-page';
import { restoreRevision } from '../../lib/wiki/restore-revision';
import { savePage } from '../../lib/wiki/save-page';
import { startMailServer, type MailServer } from '../../tools/dev-mail/mail-server';
import { withTestDatabase } from '../support/database';
import { tenantWithPeople } from '../wiki/fixtures';

// The bell: what the wiki's changes put under it, what reading and marking do,
// and the opt-in digest through a real SMTP server.

withTestDatabase();

const SENDER = 'digest@orgwiki.test';
let acme: Tenant;
let ids: Record<string, string>;
let mail: MailServer;

beforeAll(async () => {
  ({ tenant: acme, ids } = await tenantWithPeople('bells', [
    ['lead', null],
    ['dev', 'lead'],
    ['pat', 'lead'],
  ]));
  const dir = process.env.TEST_TLS_DIR!;
  const tls = { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  mail = await startMailServer({ port: 0, httpPort: null, tls, sender: SENDER });
  process.env.SMTP_URL = mail.smtpUrl;
  process.env.MAIL_FROM = SENDER;
});
afterAll(async () => {
  closeMailer();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await mail.close();
});

const sentences = async (handle: string) => (await inbox(acme.id, ids[handle]!)).items.map((i) => `${i.read ? 'read' : 'unread'}: ${i.sentence}`);
const edit = async (handle: string, slug: string, body: string) => {
  const page = (await findPage(acme.id, slug))!;
  await savePage(acme.id, ids[handle]!, slug, { title: page.title, slug, body, parentSlug: page.parentSlug, version: page.version });
};

describe('the bell', () => {
  it('tells people mentioned once, the owner of changes by others (one while unread), and nobody of their own doing', async () => {
    await createPage(acme.id, ids.dev!, { title: 'Release Process', body: `Ask [@Pat](/people/${ids.pat}) and [@Dev](/people/${ids.dev}).`, parentSlug: '' });
    expect(await sentences('pat')).toEqual(['unread: Dev Person mentioned you on Release Process']);
    expect(await sentences('dev')).toEqual([]);

    await edit('pat', 'release-process', `Ask [@Pat](/people/${ids.pat}), [@Lead](/people/${ids.lead}) and [@Dev](/people/${ids.dev}).`);
    await edit('pat', 'release-process', `Ask [@Pat](/people/${ids.pat}) or [@Lead](/people/${ids.lead}).`);
    // Pat was mentioned already; Lead newly, by Pat; Dev, the owner, hears of Pat's two edits once.
    expect(await sentences('pat')).toEqual(['unread: Dev Person mentioned you on Release Process']);
    expect(await sentences('lead')).toEqual(['unread: Pat Person mentioned you on Release Process']);
    expect(await sentences('dev')).toEqual(['unread: Pat Person changed Release Process, which you own']);
    expect((await inbox(acme.id, ids.dev!)).unread).toBe(1);

    await edit('dev', 'release-process', 'Ask anyone.');
    expect(await sentences('dev')).toEqual(['unread: Pat Person changed Release Process, which you own']);
    // A restore by someone else is a change too; read, the next change is a new line.
    const page = (await findPage(acme.id, 'release-process'))!;
    await markPageRead(acme.id, ids.dev!, page.id);
    await restoreRevision(acme.id, ids.lead!, 'release-process', 1, page.version);
    // Revision 1 mentions Dev again: a restore tells them as a save would.
    expect((await sentences('dev')).sort()).toEqual([
      'read: Pat Person changed Release Process, which you own',
      'unread: Lead Person changed Release Process, which you own',
      'unread: Lead Person mentioned you on Release Process',
    ]);
    await markAllRead(acme.id, ids.dev!);
    expect((await inbox(acme.id, ids.dev!)).unread).toBe(0);
  });

  it('tells whoever is made the owner of a page, unless they took it themselves', async () => {
    await createPage(acme.id, ids.dev!, { title: 'Build Farm', body: 'Machines.', parentSlug: '' });
    await tenantDb(acme.id).user.update({ where: { id: ids.dev! }, data: { active: false } });
    await setPageOwner(acme.id, 'build-farm', ids.lead!, ids.pat!);
    expect((await sentences('lead'))[0]).toBe('unread: Pat Person made you the owner of Build Farm');
    await setPageOwner(acme.id, 'build-farm', ids.pat!, ids.pat!);
    expect(await sentences('pat')).not.toContain('unread: Pat Person made you the owner of Build Farm');
    // The owner who left is told nothing of later edits.
    await edit('lead', 'build-farm', 'Machines and racks.');
    expect((await sentences('dev')).filter((s) => s.includes('Build Farm'))).toEqual([]);
    await tenantDb(acme.id).user.update({ where: { id: ids.dev! }, data: { active: true } });
  });
});

describe('the digest', () => {
  it('emails those who asked for it what they have not read, once, and not again within the day', async () => {
    await setDigest(acme.id, ids.lead!, true);
    expect((await inbox(acme.id, ids.lead!)).digest).toBe(true);
    const now = new Date();
    expect(await sendDigests(now)).toBe(1);
    const [digest] = mail.messages();
    expect(digest!.to).toEqual(['lead@bells.example']);
    expect(digest!.subject).toBe('[bells] 2 unread notifications');
    expect(digest!.text).toContain('- Pat Person mentioned you on Release Process: http://bells.localhost:3000/wiki/release-process');
    expect(digest!.text).toContain('- Pat Person made you the owner of Build Farm: http://bells.localhost:3000/wiki/build-farm');

    // Nothing new: nothing sent. Something new: not within 20 hours, then in the next digest alone.
    expect(await sendDigests(now)).toBe(0);
    await createPage(acme.id, ids.pat!, { title: 'Pager', body: `On call: [@Lead](/people/${ids.lead})`, parentSlug: '' });
    expect(await sendDigests(new Date(now.getTime() + 3_600_000))).toBe(0);
    expect(await sendDigests(new Date(now.getTime() + 21 * 3_600_000))).toBe(1);
    expect(mail.messages()[1]!.subject).toBe('[bells] 1 unread notification');
    expect(mail.messages()[1]!.text).toContain('Pat Person mentioned you on Pager');

    // Those who did not ask get none.
    expect(mail.messages().every((m) => m.to[0] === 'lead@bells.example')).toBe(true);
  });
});
