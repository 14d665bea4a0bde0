import http from 'node:http';
import { E2E_PORT } from '../../playwright.config';

// A SCIM client over real HTTP. Node's resolver does not know *.localhost, so
// it connects to 127.0.0.1 and names the tenant in the Host header, as a
// load balancer would pass it on.

export interface ScimResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary SCIM JSON
  json: any;
}

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
  const headers: Record<string, string> = {
    Host: `${options.subdomain}.localhost:${E2E_PORT}`,
    ...(payload !== undefined ? { 'Content-Type': 'application/scim+json', 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
    ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: E2E_PORT, agent: false, method: options.method, path: SCIM_PATH + options.path.replace(/ /g, '%20').replace(/"/g, '%22'), headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
    });
    request.on('error', reject);
    if (payload !== undefined) request.write(payload);
    request.end();
  });
}

/** A client bound to one tenant and token. */
export function scimClient(subdomain: string, token: string) {
  const call = (method: string) => (path: string, body?: unknown, headers?: Record<string, string>) =>
    scimRequest({ subdomain, method, path, token, body, headers });
  return { get: call('GET'), post: call('POST'), put: call('PUT'), patch: call('PATCH'), delete: call('DELETE') };
}

export type ScimClient = ReturnType<typeof scimClient>;
