import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { E2E_PORT } from '../../playwright.config';
import { MAX_BODY_BYTES } from '../../lib/scim/limits';
import { expect, test, type ScimTenant } from '../support/scim-fixtures';
import { randomClientAddress, SCIM_PATH, type ScimResponse } from '../support/scim-client';

// Hostile bodies as bytes on the wire: with an honest Content-Length and
// chunked without one, the server reads at most the limit. The rest of the
// hostile input (nesting, huge arrays, invalid UTF-8, NUL, prototype keys,
// slow filters, SQL metacharacters) is tests/scim/protocol/hostile-input.test.ts,
// in process.

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** A request with a raw body (bytes, or chunks sent with chunked transfer encoding and no Content-Length). */
function send(tenant: ScimTenant, method: string, path: string, body: Buffer | Buffer[]): Promise<ScimResponse> {
  const chunked = Array.isArray(body);
  const headers: Record<string, string> = {
    Host: `${tenant.subdomain}.localhost:${E2E_PORT}`,
    'X-Forwarded-For': randomClientAddress(),
    Authorization: `Bearer ${tenant.token}`,
    'Content-Type': 'application/scim+json',
    ...(chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(body.byteLength) }),
  };
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: E2E_PORT, agent: false, method, path: SCIM_PATH + path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: text ? JSON.parse(text) : null });
      });
    });
    request.on('error', reject);
    if (chunked) for (const chunk of body) request.write(chunk);
    else request.write(body);
    request.end();
  });
}

/** The RFC 7644 §3.12 error, with scimType only when the RFC defines one for the case. */
function expectError(response: ScimResponse, status: number, scimType?: string, label?: string): void {
  expect(response.status, label).toBe(status);
  expect(response.headers['content-type'], label).toContain('application/scim+json');
  expect(response.json, label).toMatchObject({ schemas: [ERROR], status: String(status) });
  expect(response.json.scimType, label).toBe(scimType);
  expect(typeof response.json.detail, label).toBe('string');
}

test('oversize bodies get 413, with an honest Content-Length and chunked without one', async ({ tenant }) => {
  const big = Buffer.from(JSON.stringify({ schemas: [USER], userName: 'big', title: 'x'.repeat(MAX_BODY_BYTES) }));
  const honest = await send(tenant, 'POST', '/Users', big);
  expectError(honest, 413);
  expect(honest.json.detail).toBe(`The body may be at most ${MAX_BODY_BYTES} bytes.`);
  // 16 MiB in 64 KiB chunks: the server keeps at most the limit and discards the rest as it arrives.
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const chunks = [Buffer.from('{"userName":"chunked","title":"'), ...Array.from({ length: 256 }, () => chunk), Buffer.from('"}')];
  expectError(await send(tenant, 'POST', '/Users', chunks), 413);
  expectError(await send(tenant, 'PATCH', `/Groups/${randomUUID()}`, chunks), 413);
  // A chunked body within the limit is read as any other.
  const small = await send(tenant, 'POST', '/Users', [Buffer.from('{"schemas":["' + USER + '"],'), Buffer.from('"userName":"chunked-ok"}')]);
  expect(small.status).toBe(201);
  expect((await tenant.scim.get('/Users?filter=userName eq "big" or userName eq "chunked"')).json.totalResults).toBe(0);
});
