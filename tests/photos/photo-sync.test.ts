import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countPhotos, makePhotosDue, setUploadedPhoto, tenantDb, type Tenant } from '../../lib/db';
import { photoFileName } from '../../lib/photos/photo-files';
import { storePhoto } from '../../lib/photos/store-photo';
import { syncDuePhotos } from '../../lib/photos/sync-photos';
import { fileStore } from '../../lib/storage/file-store';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { startInProcessGraph } from '../../tools/dev-idp/launch';
import type { DevIdp } from '../../tools/dev-idp/server';
import { withTestDatabase } from '../support/database';

// The photo job's work, against the local Graph over https through MSAL, as
// the server runs it (lib/photos/photo-jobs.ts only schedules it), on a real
// database: who gets a photo, what an unchanged ETag saves, what a changed
// photo replaces, what a directory without the permission gets, and 429s.

withTestDatabase();

let idp: DevIdp;
let tenant: Tenant;
const tid = randomUUID();
const PEOPLE = 24;
const userName = (i: number) => `person${i}@photos.example`;

function startIdp(graphPerSecond: number): Promise<DevIdp> {
  const tlsDir = process.env.TEST_TLS_DIR!;
  const tls = { key: fs.readFileSync(path.join(tlsDir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(tlsDir, 'cert.pem'), 'utf8') };
  return startInProcessGraph({ tls, clientId: 'photo-test', graphPerSecond });
}

const sync = () => syncDuePhotos({ id: tenant.id, entraTenantId: tid }, { deadline: Date.now() + 60_000 });
const photoKeys = async () =>
  new Map((await tenantDb(tenant.id).user.findMany({ select: { userName: true, photoKey: true } })).map((u) => [u.userName, u.photoKey]));

beforeAll(async () => {
  tenant = await createTenant({ subdomain: 'photos', displayName: 'Photos', entraTenantId: tid });
  const db = tenantDb(tenant.id);
  for (let i = 0; i < PEOPLE; i++) {
    // One without a mailbox: Graph keeps no photo for them.
    await db.user.create({
      data: { tenantId: tenant.id, userName: userName(i), displayName: `Person ${i}`, workEmail: i === 0 ? null : userName(i), provisioned: true },
    });
  }
  idp = await startIdp(1_000);
});
afterAll(() => idp.close());

describe('the photo sync', () => {
  beforeEach(() => makePhotosDue(tenant.id));

  it('gives a directory without User.Read.All initials, says why, and asks again later rather than at once', async () => {
    const figures = await sync();
    expect(figures).toMatchObject({ notPermitted: true, downloaded: 0 });
    // A refusal is the directory's: the first answers stop the round, and everyone waits for the next check.
    expect(figures.checked).toBeLessThanOrEqual(4);
    expect(await countPhotos(tenant.id)).toMatchObject({ not_permitted: PEOPLE, due: 0 });
    expect([...(await photoKeys()).values()].every((key) => key === null)).toBe(true);
    const row = await tenantDb(tenant.id).personPhoto.findFirst({ where: { status: 'not_permitted' } });
    expect(row?.error).toMatch(/User\.Read\.All/);
    expect(row!.dueAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  it('stores each photo Graph has as two WebP renditions, and initials for the rest', async () => {
    idp.accounts.grantConsent(tid);
    const before = idp.graph.requests(tid).answered;
    const figures = await sync();
    expect(figures.checked).toBe(PEOPLE);
    expect(figures.downloaded + figures.none).toBe(PEOPLE);
    expect(figures.downloaded).toBeGreaterThan(PEOPLE / 2);
    expect(figures.none).toBeGreaterThan(0); // at least the person without a mailbox
    // The metadata and the photo, plus a second try for photos smaller than the size asked for.
    expect(idp.graph.requests(tid).answered - before).toBeGreaterThanOrEqual(PEOPLE + figures.downloaded);
    const keys = await photoKeys();
    expect(keys.get(userName(0))).toBeNull();
    const shown = [...keys.values()].filter((key): key is string => key !== null);
    expect(shown).toHaveLength(figures.downloaded);
    for (const key of shown.slice(0, 3)) {
      for (const size of [256, 64] as const) {
        const file = await fileStore().get(tenant.id, photoFileName(key, size));
        expect(file?.contentType).toBe('image/webp');
        expect(await sharp(file!.bytes).metadata()).toMatchObject({ format: 'webp', width: size, height: size });
      }
    }
    const counts = await countPhotos(tenant.id);
    expect(counts).toMatchObject({ synced: figures.downloaded, none: figures.none, due: 0, failed: 0, not_permitted: 0 });
  });

  it('downloads nothing again while the ETags are unchanged: one request a person', async () => {
    const keys = await photoKeys();
    const before = idp.graph.requests(tid).answered;
    const figures = await sync();
    expect(figures).toMatchObject({ checked: PEOPLE, downloaded: 0 });
    expect(figures.unchanged).toBe([...keys.values()].filter(Boolean).length);
    expect(idp.graph.requests(tid).answered - before).toBe(PEOPLE);
    expect(await photoKeys()).toEqual(keys);
  });

  it('replaces a photo changed in Microsoft 365, and deletes the old files', async () => {
    const keys = await photoKeys();
    const changed = [...keys].find(([, key]) => key)![0];
    const old = keys.get(changed)!;
    idp.graph.changePhoto(changed);
    const figures = await sync();
    expect(figures.downloaded).toBe(1);
    const now = (await photoKeys()).get(changed);
    expect(now).toMatch(/^[0-9a-f]{64}$/);
    expect(now).not.toBe(old);
    expect(await fileStore().get(tenant.id, photoFileName(old, 256))).toBeNull();
    expect(await fileStore().get(tenant.id, photoFileName(now!, 256))).not.toBeNull();
  });

  it('shows a person’s own upload over Graph’s photo, and Graph’s again once they remove it', async () => {
    const [person, graphKey] = [...(await photoKeys())].find(([, key]) => key)!;
    const user = await tenantDb(tenant.id).user.findFirstOrThrow({ where: { userName: person } });
    const own = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#0a7' } })
      .png()
      .toBuffer();
    const ownKey = await storePhoto(tenant.id, own);
    await setUploadedPhoto(tenant.id, user.id, ownKey);
    expect((await photoKeys()).get(person)).toBe(ownKey);
    await sync(); // Graph's unchanged photo does not displace it
    expect((await photoKeys()).get(person)).toBe(ownKey);
    await setUploadedPhoto(tenant.id, user.id, null);
    expect((await photoKeys()).get(person)).toBe(graphKey);
  });

  it('makes a new person due at once and skips deactivated people', async () => {
    await sync();
    const db = tenantDb(tenant.id);
    const added = await db.user.create({ data: { tenantId: tenant.id, userName: 'newcomer@photos.example', workEmail: 'newcomer@photos.example' } });
    const gone = await db.user.findFirstOrThrow({ where: { userName: userName(5) } });
    await db.user.update({ where: { id: gone.id }, data: { active: false } });
    await makePhotosDue(tenant.id);
    const figures = await sync();
    expect(figures.checked).toBe(PEOPLE); // everyone active: the newcomer in, the deactivated person out
    expect((await db.personPhoto.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: tenant.id, userId: added.id } } })).status).not.toBe('pending');
    await db.user.delete({ where: { id: added.id } });
    await db.user.update({ where: { id: gone.id }, data: { active: true } });
  });

  it('waits out Graph’s 429s as Retry-After asks, and finishes', async () => {
    await idp.close();
    idp = await startIdp(5);
    idp.accounts.grantConsent(tid);
    const figures = await sync();
    expect(figures.checked).toBe(PEOPLE);
    expect(figures.throttled).toBeGreaterThan(0);
    expect(figures.failed).toBe(0);
    expect(idp.graph.requests(tid).throttled).toBe(figures.throttled);
  }, 60_000);
});
