import { MAX_BODY_BYTES } from './limits';
import { ScimError, SCIM_CONTENT_TYPE } from './errors';

// Request bodies and responses as RFC 7644 §3.1/§8.1 want them: JSON in
// (application/scim+json or application/json), application/scim+json out.

const ACCEPTED_TYPES = ['application/scim+json', 'application/json'];

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': SCIM_CONTENT_TYPE, ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** Keys that could reach Object.prototype through a careless merge. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads a JSON object body: 415 for another media type, 413 past the limit, 400 for anything malformed. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type && !ACCEPTED_TYPES.includes(type)) {
    throw new ScimError(415, `Send the body as application/scim+json or application/json, not ${type}.`);
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ScimError(413, `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw new ScimError(413, `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScimError(400, 'The body is not valid UTF-8.', 'invalidSyntax');
  }
  let body: unknown;
  try {
    body = JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch (error) {
    throw new ScimError(400, `The body is not valid JSON: ${(error as Error).message}`, 'invalidSyntax');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ScimError(400, 'The body must be a JSON object.', 'invalidSyntax');
  }
  return body as Record<string, unknown>;
}

/** The weak ETag of a resource version (RFC 7644 §3.14). */
export function etag(version: number): string {
  return `W/"${version}"`;
}

/** Throws 412 when the request's If-Match names another version; absent or `*` matches anything. */
export function checkIfMatch(request: Request, version: number): void {
  const header = request.headers.get('if-match');
  if (!header || header.trim() === '*') return;
  const wanted = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!wanted.includes(`"${version}"`)) {
    throw new ScimError(412, `The resource has changed (now version ${version}); fetch it again and retry.`);
  }
}

/** A single resource with its ETag (and Location when just created, RFC 7644 §3.3). */
export function resourceResponse(resource: Record<string, unknown>, status = 200): Response {
  const meta = resource.meta as { location: string; version: string };
  return scimJson(resource, status, { ETag: meta.version, ...(status === 201 ? { Location: meta.location } : {}) });
}

/**
 * Runs a read-modify-write again when another request changed the resource in
 * between. Only when the client sent no If-Match: then it asked for "the
 * current version", and Entra's parallel member adds to one group must all land.
 */
export async function retryOnConflict<T>(request: Request, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const conflict = error instanceof ScimError && error.status === 412 && !request.headers.get('if-match');
      if (!conflict || attempt >= 5) throw error;
    }
  }
}
