import net from 'node:net';
import http from 'node:http';
import { E2E_PORT } from '../../playwright.config';
import { httpRequest, type HttpResponse } from '../support/http';
import { createOwnDatabase, startOwnServer, type OwnDatabase, type OwnServer } from '../support/own-server';
import { createTenantWithToken, expect, test } from '../support/scim-fixtures';

// Stopping a production server with requests in flight, on a server of this
// test's own (the shared one must keep running), whose output is read as a
// log collector would read it.

const PORT = E2E_PORT + 10;
const SCIM = '/api/v2/scim/v2';
const USER_NAME = 'shutdown.person@example.com';

let db: OwnDatabase | null = null;
let server: OwnServer | null = null;

test.afterAll(async () => {
  server?.signal('SIGKILL');
  await db?.drop();
});

/** A PATCH whose body is sent in two parts, so that it stays in flight until `finish` sends the rest. */
function patchInTwoParts(options: { host: string; path: string; token: string; body: string; requestId: string }) {
  const half = Math.floor(options.body.length / 2);
  let resolveResponse: (response: HttpResponse) => void;
  const response = new Promise<HttpResponse>((resolve) => (resolveResponse = resolve));
  const request = http.request(
    {
      host: '127.0.0.1',
      port: PORT,
      agent: false,
      method: 'PATCH',
      path: options.path,
      headers: {
        Host: options.host,
        Authorization: `Bearer ${options.token}`,
        'Content-Type': 'application/scim+json',
        'Content-Length': String(Buffer.byteLength(options.body)),
        'X-Request-Id': options.requestId,
      },
    },
    (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, headers: res.headers, text, json: JSON.parse(text) }));
    },
  );
  request.write(options.body.slice(0, half));
  return {
    finish(): Promise<HttpResponse> {
      request.end(options.body.slice(half));
      return response;
    },
  };
}

/** A connection whose request's headers stop short of their end until `finish`. */
async function requestWithHeadersHeld(path: string) {
  const socket = net.connect(PORT, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost:${PORT}\r\n`);
  let raw = '';
  socket.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  return {
    async finish(): Promise<{ status: number; head: string; body: string }> {
      socket.write('\r\n');
      await closed;
      const [head, body] = raw.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), head: head.toLowerCase(), body };
    },
  };
}

function connectionError(): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

test('SIGTERM: requests in flight finish, new connections are refused, readiness fails, exit 0, and the logs are clean JSON', async () => {
  test.setTimeout(180_000);
  db = await createOwnDatabase(PORT);
  const { subdomain, token } = createTenantWithToken(db.url);
  server = await startOwnServer(PORT, db.url);
  const host = `${subdomain}.localhost:${PORT}`;
  const scim = (method: string, path: string, body?: unknown) =>
    httpRequest({
      port: PORT,
      host,
      method,
      path: SCIM + path,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const created = await scim('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: USER_NAME });
  expect(created.status).toBe(201);
  // The filter names the person in the query string, which must stay out of the logs.
  const found = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${USER_NAME}"`)}`);
  expect(found.json.totalResults).toBe(1);
  // Without METRICS_TOKEN there is no metrics endpoint.
  expect((await httpRequest({ port: PORT, host: `localhost:${PORT}`, path: '/api/metrics', headers: { Authorization: 'Bearer anything' } })).status).toBe(404);
  expect((await httpRequest({ port: PORT, host: `localhost:${PORT}`, path: '/api/ready' })).status).toBe(200);

  const patch = patchInTwoParts({
    host,
    path: `${SCIM}/Users/${created.json.id}`,
    token,
    requestId: 'in-flight-patch',
    body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Drained' }] }),
  });
  const readyDuringDrain = await requestWithHeadersHeld('/api/ready');
  // Give the server time to read the PATCH's headers: from then on it is in flight.
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  server.signal('SIGTERM');
  const draining = JSON.parse(await server.waitForLine(/"msg":"shutting down/));
  expect(draining).toMatchObject({ signal: 'SIGTERM', inFlight: 1 });
  expect(await connectionError()).toBe('ECONNREFUSED');

  // A request on a connection opened before the signal: the load balancer is told to go elsewhere.
  const ready = await readyDuringDrain.finish();
  expect(ready.status).toBe(503);
  expect(JSON.parse(ready.body)).toEqual({ status: 'unavailable', reason: 'shutting down' });
  expect(ready.head).toContain('retry-after:');
  expect(ready.head).toContain('connection: close');

  const patched = await patch.finish();
  expect(patched.status).toBe(200);
  expect(patched.json.title).toBe('Drained');
  expect(await server.exited).toBe(0);

  const stdout = server.stdout();
  const stderr = server.stderr();
  const lines = [...stdout.split('\n'), ...stderr.split('\n')].filter((line) => line.trim());
  const entries = lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`Not a JSON line: ${line}`);
    }
  });
  const requests = entries.filter((entry) => entry.msg === 'request');
  expect(requests.length).toBeGreaterThanOrEqual(6);
  for (const entry of requests) expect(entry.requestId, JSON.stringify(entry)).toEqual(expect.any(String));
  expect(requests.find((entry) => entry.requestId === 'in-flight-patch')).toMatchObject({ method: 'PATCH', status: 200, tenant: subdomain });
  expect(requests.filter((entry) => entry.path === '/api/ready').map((entry) => entry.status)).toEqual([200, 503]);
  expect(entries.at(-1)).toMatchObject({ msg: 'stopped' });
  // No secret and no query string: neither the token nor the filter's email anywhere.
  for (const secret of [token, token.slice(-12), USER_NAME, encodeURIComponent(USER_NAME)]) {
    expect(stdout + stderr).not.toContain(secret);
  }
});
