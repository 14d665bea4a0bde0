import { createHash } from 'node:crypto';
import { tenantDb } from '../../db';
import { fileStore } from '../../storage/file-store';
import { attachmentType, checkSize, cleanFileName } from './file-kinds';
import { isImage, reencodeImage } from './images';

// Images and attachments of wiki pages, behind the one file store (photos'
// too): per tenant, content-addressed keys, served by id to members only
// (app/tenant/[subdomain]/api/files). The upload answers what the editor
// puts into the page.

export interface UploadedFile {
  id: string;
  name: string;
  kind: 'image' | 'attachment';
  /** Where the page links to it. */
  url: string;
}

export const wikiFileUrl = (id: string, name: string) => `/api/files/${id}/${encodeURIComponent(name)}`;

/** Checks, re-encodes (images) and stores a file a member put into a page. Refuses with a sentence to show. */
export async function uploadWikiFile(tenantId: string, uploadedById: string, name: string, bytes: Buffer): Promise<UploadedFile> {
  checkSize(bytes);
  const image = await isImage(bytes);
  const stored = image ? { bytes: await reencodeImage(bytes), contentType: 'image/webp', extension: 'webp' } : { bytes, ...attachmentType(bytes, name) };
  const key = `wiki-${createHash('sha256').update(stored.bytes).digest('hex')}.${stored.extension}`;
  await fileStore().put(tenantId, key, { contentType: stored.contentType, bytes: stored.bytes });
  const file = await tenantDb(tenantId).wikiFile.create({
    data: {
      tenantId,
      key,
      name: cleanFileName(name, stored.extension),
      contentType: stored.contentType,
      size: stored.bytes.length,
      kind: image ? 'image' : 'attachment',
      uploadedById,
    },
    select: { id: true, name: true, kind: true },
  });
  return { ...file, url: wikiFileUrl(file.id, file.name) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A file of the tenant by its id, with its bytes; null for an unknown id or another tenant's file. */
export async function readWikiFile(tenantId: string, id: string) {
  if (!UUID.test(id)) return null;
  const file = await tenantDb(tenantId).wikiFile.findUnique({ where: { id }, select: { key: true, name: true, contentType: true, kind: true } });
  if (!file) return null;
  const stored = await fileStore().get(tenantId, file.key);
  return stored ? { ...file, bytes: stored.bytes } : null;
}
