import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for an S3-compatible bucket, for the tests of
// FILE_STORAGE=s3 (lib/storage/s3-store.ts). It speaks the part of S3's REST
// API the store uses (PUT, GET, HEAD and DELETE of an object, path-style), and
// is as strict as S3 about who may: every request must carry a valid AWS
// Signature Version 4 for its key, region and service, made within 15 minutes,
// signing every x-amz-* header it sends, with a body whose SHA-256 is the one
// signed. Its checks are written from Amazon's documentation, not from the
// client's code, so a client that signs wrongly fails here as it would at S3.
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html

export interface S3StandInSettings {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3StandIn {
  /** The bucket's address, path-style: http://127.0.0.1:<port>/<bucket>. */
  url: string;
  /** Objects by key, as stored. */
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  /** Requests refused, by S3 error code. */
  refused: Map<string, number>;
  close(): Promise<void>;
}

const MOST_SKEW_MS = 15 * 60_000;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding, as SigV4 wants it: encodeURIComponent leaves !'()* alone. */
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** 20261206T215800Z as a time. */
function amzTime(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new S3Error(403, 'AccessDenied', 'X-Amz-Date must be an ISO 8601 basic time');
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

/** Throws the error S3 would answer unless the request is signed by `settings`' key for this very request. */
function authenticate(req: http.IncomingMessage, body: Buffer, settings: S3StandInSettings): void {
  const header = req.headers.authorization;
  if (!header) throw new S3Error(403, 'AccessDenied', 'Anonymous access is not allowed');
  const auth = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(header);
  if (!auth) throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
  const [keyId, date, region, service, terminator, ...rest] = auth[1].split('/');
  if (keyId !== settings.accessKeyId) throw new S3Error(403, 'InvalidAccessKeyId', 'The access key Id does not exist in our records');
  if (rest.length || service !== 's3' || terminator !== 'aws4_request' || region !== settings.region)
    throw new S3Error(400, 'AuthorizationHeaderMalformed', `The credential scope must be <date>/${settings.region}/s3/aws4_request`);

  const signed = auth[2].split(';');
  const amzDate = req.headers['x-amz-date'];
  const payloadHash = req.headers['x-amz-content-sha256'];
  if (typeof amzDate !== 'string' || typeof payloadHash !== 'string')
    throw new S3Error(400, 'InvalidRequest', 'X-Amz-Date and X-Amz-Content-Sha256 are required');
  if (!signed.includes('host') || !signed.includes('x-amz-date') || !signed.includes('x-amz-content-sha256'))
    throw new S3Error(403, 'AccessDenied', 'Host, X-Amz-Date and X-Amz-Content-Sha256 must be signed');
  const unsigned = Object.keys(req.headers).filter((name) => name.startsWith('x-amz-') && !signed.includes(name));
  if (unsigned.length) throw new S3Error(403, 'AccessDenied', `There were headers present in the request which were not signed: ${unsigned.join(', ')}`);
  if (date !== amzDate.slice(0, 8)) throw new S3Error(403, 'SignatureDoesNotMatch', 'The credential date is not the request date');
  if (Math.abs(Date.now() - amzTime(amzDate)) > MOST_SKEW_MS)
    throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large');

  const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?');
  const canonicalUri = rawPath
    .split('/')
    .map((segment) => encode(decodeURIComponent(segment)))
    .join('/');
  const canonicalQuery = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=').map((part) => encode(decodeURIComponent(part ?? ''))))
    .sort(([a, x = ''], [b, y = '']) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value = '']) => `${name}=${value}`)
    .join('&');
  const canonicalHeaders = signed
    .map((name) => {
      const value = req.headers[name];
      if (value === undefined) throw new S3Error(403, 'SignatureDoesNotMatch', `The signed header ${name} is missing`);
      return `${name}:${(Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const canonicalRequest = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, auth[2], payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${settings.secretAccessKey}`, date), region), 's3'), 'aws4_request');
  const expected = hmac(key, stringToSign);
  if (!timingSafeEqual(expected, Buffer.from(auth[3], 'hex')))
    throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body))
    throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed");
}

function answer(
  req: http.IncomingMessage,
  body: Buffer,
  settings: S3StandInSettings,
  objects: S3StandIn['objects'],
): { status: number; headers?: http.OutgoingHttpHeaders; body?: Buffer } {
  authenticate(req, body, settings);
  const [bucket, ...parts] = (req.url ?? '/').split('?')[0].slice(1).split('/');
  if (bucket !== settings.bucket) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
  const key = parts.map(decodeURIComponent).join('/');
  if (!key || key.length > 1024) throw new S3Error(400, 'InvalidRequest', 'This stand-in serves objects only');
  const object = objects.get(key);
  switch (req.method) {
    case 'PUT':
      objects.set(key, { bytes: body, contentType: req.headers['content-type'] ?? 'binary/octet-stream' });
      return { status: 200, headers: { ETag: `"${createHash('md5').update(body).digest('hex')}"` } };
    case 'GET':
    case 'HEAD':
      if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      return {
        status: 200,
        headers: { 'Content-Type': object.contentType, 'Content-Length': object.bytes.length },
        body: req.method === 'GET' ? object.bytes : undefined,
      };
    case 'DELETE':
      objects.delete(key);
      return { status: 204 };
    default:
      throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }
}

export async function startS3StandIn(settings: S3StandInSettings): Promise<S3StandIn> {
  const objects: S3StandIn['objects'] = new Map();
  const refused: S3StandIn['refused'] = new Map();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const reply = answer(req, Buffer.concat(chunks), settings, objects);
        res.writeHead(reply.status, reply.headers).end(reply.body);
      } catch (error) {
        if (!(error instanceof S3Error)) throw error;
        refused.set(error.code, (refused.get(error.code) ?? 0) + 1);
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${error.message}</Message></Error>`;
        res.writeHead(error.status, { 'Content-Type': 'application/xml' }).end(req.method === 'HEAD' ? undefined : xml);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${settings.bucket}`,
    objects,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
