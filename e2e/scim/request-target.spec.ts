import net from 'node:net';
import { E2E_PORT } from '../../playwright.config';
import { randomClientAddress, SCIM_PATH } from '../support/scim-client';
import { expect, test } from '../support/scim-fixtures';

// Requests in absolute form, `GET http://host/path HTTP/1.1` (RFC 9112 §3.2.2),
// written on a raw socket: Node's and Playwright's clients never send them.
// The target's host is the site asked for, whatever Host says; nothing
// answers with a redirect to another site, and SCIM paths reach SCIM.

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A chunked body (RFC 9112 §7.1) as one, in bytes: chunk sizes count bytes. */
function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; ;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

function rawRequest(target: string, headers: Record<string, string>): Promise<RawResponse> {
  const head = [
    `GET ${target} HTTP/1.1`,
    ...Object.entries({ ...headers, 'X-Forwarded-For': randomClientAddress(), Connection: 'close' }).map(([k, v]) => `${k}: ${v}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = net.connect(E2E_PORT, '127.0.0.1', () => socket.write(`${head.join('\r\n')}\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const response = Buffer.concat(chunks);
      const split = response.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = response.subarray(0, split).toString('latin1').split('\r\n');
      const fields = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const body = response.subarray(split + 4);
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: fields,
        body: (fields['transfer-encoding'] === 'chunked' ? unchunk(body) : body).toString('utf8'),
      });
    });
  });
}

const site = (subdomain: string) => `${subdomain}.localhost:${E2E_PORT}`;

/** Fails when the response sends the client to a host other than `host`. */
function expectNoRedirectAway(response: RawResponse, host: string, label: string) {
  const location = response.headers.location;
  if (location) expect(new URL(location, `http://${host}`).host, label).toBe(host);
}

test('a page target in absolute form is for the host it names, never a redirect there', async ({ tenant }) => {
  const host = site(tenant.subdomain);
  for (const path of ['/phish', '/', '/people', '/api/v2/scim/v2']) {
    const away = await rawRequest(`http://evil.example${path}`, { Host: host });
    expect(away.status, path).toBe(404);
    expectNoRedirectAway(away, host, path);
  }
  // An origin-form path that looks like a network-path reference names a path on this host.
  for (const target of ['//evil.example/phish', '//evil.example', '/\\evil.example/phish'])
    expectNoRedirectAway(await rawRequest(target, { Host: host }), host, target);
  // The tenant's own site, named in the target, is served as if named in Host.
  const own = await rawRequest(`http://${host}/login`, { Host: 'evil.example' });
  expect(own.status).toBe(200);
  expect(own.body).toContain('Sign in');
});

test('a SCIM path in absolute form reaches SCIM, for the tenant the target names', async ({ tenant }) => {
  const auth = { Authorization: `Bearer ${tenant.token}` };
  const created = await tenant.scim.post('/Users', { userName: 'absolute@e2e.example' });
  expect(created.status).toBe(201);

  const list = await rawRequest(`http://${site(tenant.subdomain)}${SCIM_PATH}/Users?filter=userName%20eq%20%22absolute@e2e.example%22`, {
    ...auth,
    Host: 'evil.example',
  });
  expect(list.status).toBe(200);
  expect(list.headers['content-type']).toContain('application/scim+json');
  expect(JSON.parse(list.body)).toMatchObject({ totalResults: 1, Resources: [{ id: created.json.id }] });

  // Another host in the target: no tenant there, whatever Host says, and a SCIM answer rather than a page.
  const elsewhere = await rawRequest(`http://evil.example${SCIM_PATH}/Users`, { ...auth, Host: site(tenant.subdomain) });
  expect(elsewhere.status).toBe(404);
  expect(JSON.parse(elsewhere.body)).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' });
  expectNoRedirectAway(elsewhere, site(tenant.subdomain), 'scim');
});

test('targets that name no http host are refused with 400', async ({ tenant }) => {
  for (const target of [`http://user@${site(tenant.subdomain)}/`, `ftp://${site(tenant.subdomain)}/`, 'http:///phish']) {
    const response = await rawRequest(target, { Host: site(tenant.subdomain) });
    expect(response.status, target).toBe(400);
    expect(response.headers.location, target).toBeUndefined();
  }
});
