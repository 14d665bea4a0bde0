import { MAX_BODY_BYTES } from './limits';
import { ScimError, SCIM_CONTENT_TYPE } from './errors';
import { parseJsonBody } from './parse-json-body';

// SCIM's HTTP in and out, kept plain (no Fetch Request/Response objects:
// building those costs more CPU than a lookup by userName). Bodies as RFC
// 7644 §3.1/§8.1 want them: JSON in (application/scim+json or
// application/json), application/scim+json out.

/** A request as the SCIM handler sees it, whichever HTTP server received it. */
export interface ScimRequest {
  method: string;
  url: URL;
  /** A header's value by its lower-case name; repeated headers joined with ", ". */
  header(name: string): string | null;
  /** The body, cut one byte past MAX_BODY_BYTES by the server. */
  body: Uint8Array | null;
  /** True once the client has gone away. */
  aborted(): boolean;
}

export interface ScimReply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): ScimReply {
  return { status, headers: { 'Content-Type': SCIM_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function noContent(): ScimReply {
  return { status: 204, headers: {}, body: null };
}

const ACCEPTED_TYPES = ['application/scim+json', 'application/json'];

/** Reads a JSON object body: 415 for another media type, 413 past the limit, 400 for anything malformed. */
export function readJsonBody(request: ScimRequest): Record<string, unknown> {
  const type = (request.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type && !ACCEPTED_TYPES.includes(type)) {
    throw new ScimError(415, `Send the body as application/scim+json or application/json, not ${type}.`);
  }
  const bytes = request.body ?? new Uint8Array();
  if (Number(request.header('content-length') ?? 0) > MAX_BODY_BYTES || bytes.byteLength > MAX_BODY_BYTES) {
    throw new ScimError(413, `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  }
  const body = parseJsonBody(bytes);
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
export function checkIfMatch(request: ScimRequest, version: number): void {
  const header = request.header('if-match');
  if (!header || header.trim() === '*') return;
  const wanted = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!wanted.includes(`"${version}"`)) {
    throw new ScimError(412, `The resource has changed (now version ${version}); fetch it again and retry.`);
  }
}

/** A single resource with its ETag (and Location when just created, RFC 7644 §3.3). */
export function resourceResponse(resource: Record<string, unknown>, status = 200): ScimReply {
  const meta = resource.meta as { location: string; version: string };
  return scimJson(resource, status, { ETag: meta.version, ...(status === 201 ? { Location: meta.location } : {}) });
}

/**
 * Runs a read-modify-write again when another request changed the resource in
 * between. Only when the client sent no If-Match: then it asked for "the
 * current version", and Entra's parallel changes must all land.
 */
export async function retryOnConflict<T>(request: ScimRequest, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const conflict = error instanceof ScimError && error.status === 412 && !request.header('if-match');
      if (!conflict || attempt >= 5) throw error;
    }
  }
}
