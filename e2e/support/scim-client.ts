import { randomBytes } from 'node:crypto';
import { E2E_PORT } from '../../playwright.config';
import { httpRequest, type HttpResponse } from './http';

// A SCIM client over real HTTP, to a tenant named in the Host header.
// Each request comes from an address of its own (X-Forwarded-For; the tests'
// server trusts one hop), so that the specs' deliberate bad tokens do not add
// up to the failed-token limit of one shared address. Specs about that limit
// name their addresses.

/** A random address of the benchmarking range 198.18.0.0/15. */
export const randomClientAddress = () => `198.${18 + (randomBytes(1)[0] & 1)}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

export type ScimResponse = HttpResponse;

export const SCIM_PATH = '/api/v2/scim/v2';

export function scimRequest(options: {
  subdomain: string;
  method: string;
  path: string;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}): Promise<ScimResponse> {
  const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  return httpRequest({
    port: E2E_PORT,
    host: `${options.subdomain}.localhost:${E2E_PORT}`,
    method: options.method,
    path: SCIM_PATH + options.path.replace(/ /g, '%20').replace(/"/g, '%22'),
    headers: {
      'X-Forwarded-For': randomClientAddress(),
      ...(payload !== undefined ? { 'Content-Type': 'application/scim+json' } : {}),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: payload,
  });
}

/**
 * A client bound to one tenant and token. A `patient` one waits out 429s as
 * Entra does, for specs that send more a second than the tests' server allows
 * a tenant (100) and are about something else.
 */
export function scimClient(subdomain: string, token: string, options: { patient?: boolean } = {}) {
  const call =
    (method: string) =>
    async (path: string, body?: unknown, headers?: Record<string, string>): Promise<ScimResponse> => {
      for (;;) {
        const response = await scimRequest({ subdomain, method, path, token, body, headers });
        if (response.status !== 429 || !options.patient) return response;
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers['retry-after'] ?? 1) * 1_000));
      }
    };
  return { get: call('GET'), post: call('POST'), put: call('PUT'), patch: call('PATCH'), delete: call('DELETE') };
}

export type ScimClient = ReturnType<typeof scimClient>;
