import { createHash, randomUUID } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../../lib/config';
import { fileStore } from '../../lib/storage/file-store';
import { startS3StandIn, type S3StandIn } from '../../tools/dev-s3/s3-server';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

// Every store behind the one interface keeps each tenant's files apart, gives
// back what was put, and forgets what was deleted. The S3 store talks to a
// local bucket that checks every request's signature as S3 does
// (tools/dev-s3/s3-server.ts).

withTestDatabase();

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'orgwiki-files-'));
const S3 = { bucket: 'photos', region: 'eu-west-1', accessKeyId: 'AKIDORGWIKITEST', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
let tenants: [string, string];
let bucket: S3StandIn;

beforeAll(async () => {
  tenants = [(await createTenant({ subdomain: 'files-a', displayName: 'A' })).id, (await createTenant({ subdomain: 'files-b', displayName: 'B' })).id];
  bucket = await startS3StandIn(S3);
});
afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true });
  for (const key of ['FILE_STORAGE', 'S3_URL', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) delete process.env[key];
  await bucket.close();
});

describe.each(['database', 'filesystem', 's3'])('the %s store', (kind) => {
  beforeAll(() => {
    Object.assign(process.env, {
      FILE_STORAGE: kind,
      FILE_STORAGE_DIR: folder,
      S3_URL: bucket.url,
      S3_REGION: S3.region,
      S3_ACCESS_KEY_ID: S3.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3.secretAccessKey,
    });
  });

  it('gives back what was put, to its own tenant only, until deleted', async () => {
    const [a, b] = tenants;
    const key = `${randomUUID().replaceAll('-', '')}-64.webp`;
    const bytes = Buffer.from([1, 2, 3, 250]);
    await fileStore().put(a, key, { contentType: 'image/webp', bytes });
    await fileStore().put(a, key, { contentType: 'image/webp', bytes }); // a content address: the same file again changes nothing
    expect(await fileStore().get(a, key)).toEqual({ contentType: 'image/webp', bytes });
    expect(await fileStore().get(b, key)).toBeNull();
    await fileStore().delete(b, [key]);
    expect(await fileStore().get(a, key)).not.toBeNull();
    await fileStore().delete(a, [key]);
    expect(await fileStore().get(a, key)).toBeNull();
  });

  if (kind !== 'database') {
    it('refuses a key that would leave its folder', async () => {
      await expect(fileStore().get(tenants[0], '../../etc/passwd')).rejects.toThrow(/Refused a file key/);
      await expect(fileStore().put(tenants[0], '..', { contentType: 'image/webp', bytes: Buffer.from([1]) })).rejects.toThrow(/Refused a file key/);
    });
  }
});

describe('the S3 store', () => {
  const asS3 = (settings: Record<string, string>) =>
    Object.assign(process.env, {
      FILE_STORAGE: 's3',
      S3_URL: bucket.url,
      S3_REGION: S3.region,
      S3_ACCESS_KEY_ID: S3.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3.secretAccessKey,
      ...settings,
    });
  const photo = { contentType: 'image/webp', bytes: Buffer.from('RIFF....WEBP') };

  it('keeps each file as an object under its tenant, with its type, signed with the body', async () => {
    asS3({});
    await fileStore().put(tenants[0], 'abc-256.webp', photo);
    expect(bucket.objects.get(`${tenants[0]}/abc-256.webp`)).toEqual(photo);
    await fileStore().delete(tenants[0], ['abc-256.webp', 'never-there.webp']);
    expect(bucket.objects.has(`${tenants[0]}/abc-256.webp`)).toBe(false);
  });

  it('fails loudly, naming S3’s error, on a wrong secret, a wrong region or a bucket that is not there', async () => {
    asS3({ S3_SECRET_ACCESS_KEY: 'not-the-secret' });
    await expect(fileStore().put(tenants[0], 'abc-64.webp', photo)).rejects.toThrow('S3 PUT abc-64.webp: HTTP 403 (SignatureDoesNotMatch)');
    asS3({ S3_REGION: 'us-east-1' });
    await expect(fileStore().get(tenants[0], 'abc-64.webp')).rejects.toThrow('HTTP 400 (AuthorizationHeaderMalformed)');
    // A missing bucket is not an empty one: no photo would ever show, and nobody would know why.
    asS3({ S3_URL: bucket.url.replace(/photos$/, 'elsewhere') });
    await expect(fileStore().get(tenants[0], 'abc-64.webp')).rejects.toThrow('HTTP 404 (NoSuchBucket)');
    expect(bucket.objects.has(`${tenants[0]}/abc-64.webp`)).toBe(false);
  });

  it('meets a bucket as strict as S3: a body other than the one signed, or an unsigned x-amz header, is refused', async () => {
    const client = new AwsClient({ ...S3, service: 's3', retries: 0 });
    const url = `${bucket.url}/${tenants[0]}/tampered-64.webp`;
    const signed = await client.sign(url, {
      method: 'PUT',
      body: 'signed',
      headers: { 'X-Amz-Content-Sha256': createHash('sha256').update('signed').digest('hex') },
    });
    const tampered = await fetch(url, { method: 'PUT', headers: signed.headers, body: 'changed on the way' });
    expect([tampered.status, await tampered.text()]).toEqual([400, expect.stringContaining('<Code>XAmzContentSHA256Mismatch</Code>')]);
    const unsigned = await fetch(url, { method: 'PUT', headers: { ...Object.fromEntries(signed.headers), 'x-amz-meta-by': 'someone' }, body: 'signed' });
    expect(unsigned.status).toBe(403);
    expect(bucket.objects.has(`${tenants[0]}/tampered-64.webp`)).toBe(false);
  });

  it('will not start without its address and keys', () => {
    asS3({});
    delete process.env.S3_URL;
    delete process.env.S3_SECRET_ACCESS_KEY;
    expect(() => getConfig()).toThrow(/FILE_STORAGE=s3 needs S3_URL[\s\S]*FILE_STORAGE=s3 needs S3_SECRET_ACCESS_KEY/);
  });
});
