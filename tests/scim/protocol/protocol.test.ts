import { randomUUID } from 'node:crypto';
import { createScimTenant, expect, scimRequest, test, useScimHarness } from '../../support/scim-harness';

useScimHarness();

// Authentication, tenant isolation, discovery and the error contract (RFC 7644 §3.12).

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

test("every bad credential gets the same 401, including another tenant's valid token", async ({ tenant }) => {
  const other = await createScimTenant();
  const { json: victim } = await tenant.scim.post('/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'victim' });
  const bodies = new Set<string>();
  for (const token of [null, 'owk_unknown', `${tenant.token}x`, other.token]) {
    for (const [method, path] of [
      ['GET', `/Users/${victim.id}`],
      ['DELETE', `/Users/${victim.id}`],
      ['GET', '/Users'],
    ] as const) {
      const response = await scimRequest({ subdomain: tenant.subdomain, method, path, token });
      expect(response.status, `${method} ${path} with ${token?.slice(0, 8)}`).toBe(401);
      expect(response.json).toMatchObject({ schemas: [ERROR], status: '401' });
      bodies.add(response.text);
    }
  }
  expect(bodies.size).toBe(1);
  const malformed = await scimRequest({ subdomain: tenant.subdomain, method: 'GET', path: '/Users', headers: { Authorization: 'Basic abc' } });
  expect(malformed.status).toBe(401);
  expect((await tenant.scim.get(`/Users/${victim.id}`)).status).toBe(200);
  // The other tenant's own token cannot see this tenant's user from its own host either.
  expect((await other.scim.get(`/Users/${victim.id}`)).status).toBe(404);
  expect((await other.scim.get('/Users?filter=userName eq "victim"')).json.totalResults).toBe(0);
});

test('discovery describes what the server supports', async ({ tenant }) => {
  const config = await tenant.scim.get('/ServiceProviderConfig');
  expect(config.status).toBe(200);
  expect(config.json).toMatchObject({ patch: { supported: true }, bulk: { supported: false }, filter: { supported: true }, etag: { supported: true } });
  const schemas = await tenant.scim.get('/Schemas');
  expect(schemas.json.Resources.map((s: { id: string }) => s.id).sort()).toEqual([
    'urn:ietf:params:scim:schemas:core:2.0:Group',
    'urn:ietf:params:scim:schemas:core:2.0:User',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  ]);
  const user = await tenant.scim.get('/Schemas/urn:ietf:params:scim:schemas:core:2.0:User');
  expect(user.json.attributes.find((a: { name: string }) => a.name === 'userName')).toMatchObject({ uniqueness: 'server', required: true });
  expect((await tenant.scim.get('/ResourceTypes/User')).json).toMatchObject({ endpoint: '/Users' });
  expect((await tenant.scim.get('/ResourceTypes')).json.totalResults).toBe(2);
  expect((await tenant.scim.get('/Schemas/urn:nope')).status).toBe(404);
});

test('client mistakes are SCIM errors with the right status, never 500', async ({ tenant }) => {
  const cases: [string, () => ReturnType<typeof tenant.scim.get>, number, string | undefined][] = [
    ['malformed JSON', () => tenant.scim.post('/Users', '{"userName": '), 400, 'invalidSyntax'],
    ['a JSON array', () => tenant.scim.post('/Users', '[]'), 400, 'invalidSyntax'],
    ['wrong media type', () => tenant.scim.post('/Users', 'userName=x', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, undefined],
    ['oversize body', () => tenant.scim.post('/Users', JSON.stringify({ userName: 'x', title: 'y'.repeat(1_100_000) })), 413, undefined],
    ['bad filter', () => tenant.scim.get('/Users?filter=userName%20eq'), 400, 'invalidFilter'],
    ['unknown filter attribute', () => tenant.scim.get('/Users?filter=shoeSize%20eq%201'), 400, 'invalidFilter'],
    ['missing userName', () => tenant.scim.post('/Users', { displayName: 'x' }), 400, 'invalidValue'],
    ['a number for a string', () => tenant.scim.post('/Users', { userName: 'n', title: 7 }), 400, 'invalidValue'],
    ['a bad op', () => tenant.scim.patch(`/Users/${randomUUID()}`, { Operations: [{ op: 'move', path: 'title' }] }), 400, 'invalidSyntax'],
    ['PATCH of an unknown user', () => tenant.scim.patch(`/Users/${randomUUID()}`, { Operations: [{ op: 'add', path: 'title', value: 'x' }] }), 404, undefined],
    ['an id that is not a uuid', () => tenant.scim.get('/Users/not-an-id'), 404, undefined],
    ['an unknown endpoint', () => tenant.scim.get('/Widgets'), 404, undefined],
    ['Bulk (not offered)', () => tenant.scim.post('/Bulk', { schemas: [], Operations: [] }), 404, undefined],
    ['a method the endpoint lacks', () => tenant.scim.delete('/Users'), 405, undefined],
    ['a bad count', () => tenant.scim.get('/Users?count=many'), 400, 'invalidValue'],
  ];
  for (const [label, send, status, scimType] of cases) {
    const response = await send();
    expect(response.status, label).toBe(status);
    expect(response.headers['content-type'], label).toContain('application/scim+json');
    expect(response.json, label).toMatchObject({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}) });
    expect(response.text, label).not.toMatch(/at .*\.(js|ts):\d+/);
  }
});

test("trailing slashes and the Tenant URL with Entra's flag are tolerated", async ({ tenant }) => {
  expect((await tenant.scim.get('/Users/?aadOptscim062020')).status).toBe(200);
  expect((await tenant.scim.get('/ServiceProviderConfig/')).status).toBe(200);
});

test("endpoint names match in any case, as Microsoft's reference collection sends them", async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', { userName: 'any-case@e2e.example' });
  for (const path of [
    '/users',
    '/GROUPS',
    '/schemas',
    '/resourcetypes',
    '/serviceproviderconfig',
    `/USERS/${user.id}`,
    '/Schemas/urn:ietf:params:scim:schemas:core:2.0:user',
    '/resourceTypes/user',
  ]) {
    const response = await tenant.scim.get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers['content-type'], path).toContain('application/scim+json');
  }
  expect((await tenant.scim.get('/users?filter=userName eq "any-case@e2e.example"')).json.totalResults).toBe(1);
  expect((await tenant.scim.patch(`/uSeRs/${user.id}`, { Operations: [{ op: 'replace', path: 'title', value: 'Cased' }] })).json.title).toBe('Cased');
});
