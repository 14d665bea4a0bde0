import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../lib/db';
import { MAX_FILE_BYTES } from '../../lib/wiki/files/file-kinds';
import { readWikiFile, uploadWikiFile } from '../../lib/wiki/files/wiki-files';
import { withTestDatabase } from '../support/database';
import { tenantWithPeople } from './fixtures';

// Images and attachments of pages: recognised by their bytes, images
// re-encoded without their metadata, everything else refused in words, and
// each tenant's files its own.

withTestDatabase();

let acme: Tenant;
let globex: Tenant;
let dev: string;

beforeAll(async () => {
  const made = await tenantWithPeople('uploads', [['dev', null]]);
  acme = made.tenant;
  dev = made.ids.dev!;
  ({ tenant: globex } = await tenantWithPeople('uploads-elsewhere', [['eve', null]]));
});

const upload = (name: string, bytes: Buffer) => uploadWikiFile(acme.id, dev, name, bytes);

describe('wiki files', () => {
  it('re-encodes an image as WebP without its metadata, and serves it by id', async () => {
    const jpeg = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#c33' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'GPS 51.5N 0.1W' } } })
      .toBuffer();
    const file = await upload('../../Site map.JPG', jpeg);
    expect(file).toMatchObject({ kind: 'image', name: 'Site-map.webp', url: `/api/files/${file.id}/Site-map.webp` });
    const stored = (await readWikiFile(acme.id, file.id))!;
    expect(stored.contentType).toBe('image/webp');
    const meta = await sharp(stored.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 2400, 800, undefined]);
    expect(stored.bytes.includes(Buffer.from('GPS 51.5N'))).toBe(false);
  });

  it('takes PDF, Office, ZIP and text attachments by their bytes, and refuses the rest in words', async () => {
    expect(await upload('report.bin', Buffer.from('%PDF-1.7\n%…'))).toMatchObject({ kind: 'attachment', name: 'report.pdf' });
    expect(await upload('plan.docx', Buffer.from('PK\u0003\u0004word/document.xml'))).toMatchObject({ name: 'plan.docx' });
    expect(await upload('notes.md', Buffer.from('# Notes\n'))).toMatchObject({ name: 'notes.md' });
    const text = await upload('data.csv', Buffer.from('a,b\n1,2\n'));
    expect((await readWikiFile(acme.id, text.id))!.contentType).toBe('text/csv; charset=utf-8');
    await expect(upload('evil.html', Buffer.from('<script>alert(1)</script>'))).rejects.toThrow('This kind of file cannot be attached.');
    await expect(upload('evil.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).rejects.toThrow('cannot be attached');
    await expect(upload('tool.exe', Buffer.from('MZ\u0090\u0000'))).rejects.toThrow('cannot be attached');
    await expect(upload('binary.txt', Buffer.from([0x68, 0x00, 0x69]))).rejects.toThrow('cannot be attached');
    await expect(upload('empty.txt', Buffer.alloc(0))).rejects.toThrow('The file is empty.');
    await expect(upload('huge.txt', Buffer.alloc(MAX_FILE_BYTES + 1, 'a'))).rejects.toThrow('larger than 10 MB');
  });

  it('keeps each tenant’s files its own', async () => {
    const file = await upload('secret.txt', Buffer.from('acme only\n'));
    expect(await readWikiFile(globex.id, file.id)).toBeNull();
    expect(await readWikiFile(acme.id, 'not-an-id')).toBeNull();
    expect((await readWikiFile(acme.id, file.id))!.bytes.toString()).toBe('acme only\n');
  });
});
