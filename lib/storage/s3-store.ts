import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { tenantPath, type FileStore } from './store';

// Files as objects of an S3-compatible bucket (Amazon S3, MinIO, Cloudflare
// R2, Ceph …) at <S3_URL>/<tenant id>/<key>, through S3's REST API signed with
// AWS Signature Version 4 (aws4fetch: no dependencies, fetch-based, as against
// the AWS SDK's hundred packages). The body's SHA-256 is signed too, so the
// bucket refuses a file damaged on the way.
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html

export interface S3Settings {
  /** The bucket's address: path-style (http://minio:9000/photos) or virtual-hosted (https://photos.s3.eu-west-1.amazonaws.com). */
  url: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** The error code of S3's XML answer to a request that failed. */
const errorCode = async (response: Response) => /<Code>([^<]*)<\/Code>/.exec(await response.text().catch(() => ''))?.[1] ?? 'no error code';

const failure = (response: Response, what: string, code: string) => new Error(`S3 ${what}: HTTP ${response.status} (${code})`);

export function s3Store(settings: S3Settings): FileStore {
  // A few quick retries for S3's 5xx and SlowDown; the photo job retries whatever still fails.
  const client = new AwsClient({ ...settings, service: 's3', retries: 2 });
  const objectUrl = (tenantId: string, key: string) => `${settings.url}/${tenantPath(tenantId, key)}`;
  return {
    async put(tenantId, key, file) {
      const response = await client.fetch(objectUrl(tenantId, key), {
        method: 'PUT',
        body: new Uint8Array(file.bytes),
        headers: { 'Content-Type': file.contentType, 'X-Amz-Content-Sha256': createHash('sha256').update(file.bytes).digest('hex') },
      });
      if (!response.ok) throw failure(response, `PUT ${key}`, await errorCode(response));
      await response.body?.cancel();
    },
    async get(tenantId, key) {
      const response = await client.fetch(objectUrl(tenantId, key));
      if (!response.ok) {
        // A missing file is NoSuchKey; a missing bucket is a misconfiguration, not an empty store.
        const code = await errorCode(response);
        if (code === 'NoSuchKey') return null;
        throw failure(response, `GET ${key}`, code);
      }
      return { contentType: response.headers.get('Content-Type') ?? 'application/octet-stream', bytes: Buffer.from(await response.arrayBuffer()) };
    },
    async delete(tenantId, keys) {
      // One request per file: S3's batch delete needs a Content-MD5 that not every compatible store accepts; a sweep deletes few.
      await Promise.all(
        keys.map(async (key) => {
          const response = await client.fetch(objectUrl(tenantId, key), { method: 'DELETE' });
          // Deleting what is not there is a success in S3 (204); a 404 from a stricter store means the same.
          if (!response.ok) {
            const code = await errorCode(response);
            if (code !== 'NoSuchKey') throw failure(response, `DELETE ${key}`, code);
          }
          await response.body?.cancel();
        }),
      );
    },
  };
}
