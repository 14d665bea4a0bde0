import { randomUUID } from 'node:crypto';
import {
  MAX_BODY_BYTES,
  MAX_FILTER_COMPARISONS,
  MAX_FILTER_DEPTH,
  MAX_JSON_DEPTH,
  MAX_MEMBERS_PER_REQUEST,
  MAX_PATCH_OPERATIONS,
  MAX_VALUES_PER_ATTRIBUTE,
} from '../../../lib/scim/limits';
import { createScimTenant, expect, scimClient, scimRequest, test, useScimHarness, type ScimResponse, type ScimTenant } from '../../support/scim-harness';

useScimHarness();

// Hostile input, in process (tests/support/scim-harness.ts): every answer is a
// SCIM error (RFC 7644 §3.12) with the status and scimType a client can act on,
// in bounded time, never a 500, and what is stored is exactly what was sent.
// Bodies as bytes on the wire (Content-Length and chunked) are
// e2e/scim/hostile-input.spec.ts; Object.prototype and the exact limits are
// tests/scim/hostile-body.test.ts.

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** A request with a raw body, bytes as they are. */
function send(tenant: ScimTenant, method: string, path: string, body: Buffer): Promise<ScimResponse> {
  return scimRequest({ subdomain: tenant.subdomain, method, path, token: tenant.token, body });
}

/** The RFC 7644 §3.12 error, with scimType only when the RFC defines one for the case. */
function expectError(response: ScimResponse, status: number, scimType?: string, label?: string): void {
  expect(response.status, label).toBe(status);
  expect(response.headers['content-type'], label).toContain('application/scim+json');
  expect(response.json, label).toMatchObject({ schemas: [ERROR], status: String(status) });
  expect(response.json.scimType, label).toBe(scimType);
  expect(typeof response.json.detail, label).toBe('string');
}

async function timed(run: () => Promise<ScimResponse>): Promise<{ response: ScimResponse; ms: number }> {
  const started = performance.now();
  const response = await run();
  return { response, ms: performance.now() - started };
}

const filterPath = (resource: string, filter: string) => `/${resource}?filter=${encodeURIComponent(filter)}`;

test('deeply nested JSON is refused with 400 invalidSyntax, wherever it is', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', { schemas: [USER], userName: 'nested' });
  const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
  const bodies: [string, string, string][] = [
    ['POST', '/Users', deepArray],
    ['POST', '/Users', deepObject],
    ['POST', '/Users', '['.repeat(MAX_BODY_BYTES - 1)],
    ['POST', '/Users', `{"userName":"n2","title":${deepObject}}`],
    ['PATCH', `/Users/${user.id}`, `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","path":"title","value":${deepArray}}]}`],
    ['POST', '/Groups', `{"displayName":"g","members":${deepArray}}`],
    ['PUT', `/Users/${user.id}`, `{"userName":"nested","name":${deepObject}}`],
  ];
  for (const [method, path, body] of bodies) {
    const { response, ms } = await timed(() => send(tenant, method, path, Buffer.from(body)));
    expectError(response, 400, 'invalidSyntax', `${method} ${path} ${body.slice(0, 40)}`);
    expect(response.json.detail).toBe(`The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`);
    expect(ms).toBeLessThan(2_000);
  }
  // Entra's deepest body (the manager in a no-path PATCH) is far inside the limit.
  const manager = await tenant.scim.post('/Users', { schemas: [USER], userName: 'boss' });
  const patched = await tenant.scim.patch(`/Users/${user.id}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: 'replace', value: { [ENTERPRISE]: { manager: [{ value: manager.json.id }] } } }],
  });
  expect(patched.json[ENTERPRISE].manager.value).toBe(manager.json.id);
});

test('huge arrays get a bounded, clear 413 quickly; an Entra-sized member batch still goes through', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', { schemas: [USER], userName: 'arrays' });
  const { json: group } = await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'Arrays' });
  const members = (count: number) => Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`);
  const cases: [string, string, string, unknown, string][] = [
    [
      '100,000 operations',
      'PATCH',
      `/Users/${user.id}`,
      { schemas: [PATCH_OP], Operations: Array.from({ length: 100_000 }, () => ({})) },
      `A PATCH may carry at most ${MAX_PATCH_OPERATIONS} operations; this one has 100000. Split it into several requests.`,
    ],
    [
      '100,000 real operations',
      'PATCH',
      `/Users/${user.id}`,
      { schemas: [PATCH_OP], Operations: Array.from({ length: 100_000 }, () => ({ op: 'add', path: 'title', value: 'x' })) },
      `The body may be at most ${MAX_BODY_BYTES} bytes.`,
    ],
    [
      'a group POST of 200,000 members',
      'POST',
      '/Groups',
      { schemas: [GROUP], displayName: 'Huge', members: Array.from({ length: 200_000 }, () => '') },
      `A request may name at most ${MAX_MEMBERS_PER_REQUEST} members; this one names 200000. Send them in several PATCH requests.`,
    ],
    [
      'a group PUT of 200,000 members',
      'PUT',
      `/Groups/${group.id}`,
      { displayName: 'Arrays', members: Array.from({ length: 200_000 }, () => 'a') },
      `A request may name at most ${MAX_MEMBERS_PER_REQUEST} members; this one names 200000. Send them in several PATCH requests.`,
    ],
    [
      'a group PATCH of 200,000 members',
      'PATCH',
      `/Groups/${group.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: Array.from({ length: 200_000 }, () => 'a') }] },
      `A request may name at most ${MAX_MEMBERS_PER_REQUEST} members; this one names 200000. Send them in several PATCH requests.`,
    ],
    [
      'a group PATCH of 200,000 member objects',
      'PATCH',
      `/Groups/${group.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: members(200_000).map((value) => ({ value })) }] },
      `The body may be at most ${MAX_BODY_BYTES} bytes.`,
    ],
    [
      'one member over the limit',
      'PATCH',
      `/Groups/${group.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: members(MAX_MEMBERS_PER_REQUEST + 1).map((value) => ({ value })) }] },
      `A request may name at most ${MAX_MEMBERS_PER_REQUEST} members; this one names ${MAX_MEMBERS_PER_REQUEST + 1}. Send them in several PATCH requests.`,
    ],
    [
      '50,000 emails on POST',
      'POST',
      '/Users',
      { schemas: [USER], userName: 'many-emails', emails: Array.from({ length: 50_000 }, () => ({})) },
      `emails may hold at most ${MAX_VALUES_PER_ATTRIBUTE} values; this request gives it 50000.`,
    ],
    [
      '50,000 emails in a PATCH',
      'PATCH',
      `/Users/${user.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'emails', value: Array.from({ length: 50_000 }, (_, i) => ({ value: `${i}` })) }] },
      `emails may hold at most ${MAX_VALUES_PER_ATTRIBUTE} values; this request gives it 50000.`,
    ],
  ];
  for (const [label, method, path, body, detail] of cases) {
    const { response, ms } = await timed(() => send(tenant, method, path, Buffer.from(JSON.stringify(body))));
    expectError(response, 413, undefined, label);
    expect(response.json.detail, label).toBe(detail);
    expect(ms, label).toBeLessThan(2_000);
  }
  // At the limit the request is read and checked against the directory: these ids are no users of the tenant.
  const { response, ms } = await timed(() =>
    tenant.scim.patch(`/Groups/${group.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: members(MAX_MEMBERS_PER_REQUEST).map((value) => ({ value })) }],
    }),
  );
  expectError(response, 400, 'invalidValue');
  expect(response.json.detail).toMatch(/^These members are not users of this tenant: (00000000-0000-4000-8000-[0-9a-f]{12}, ){10}…$/);
  expect(ms).toBeLessThan(5_000);
  expect((await tenant.scim.get(`/Users/${user.id}`)).json.emails).toBeUndefined();
  expect((await tenant.scim.get(`/Groups/${group.id}`)).json.members ?? []).toEqual([]);
});

test('invalid UTF-8 is refused with 400 invalidSyntax, not stored as U+FFFD', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', { schemas: [USER], userName: 'utf8' });
  const bad = (prefix: string, suffix: string) => Buffer.concat([Buffer.from(prefix), Buffer.from([0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80]), Buffer.from(suffix)]);
  for (const [method, path, body] of [
    ['POST', '/Users', bad('{"userName":"bad', '"}')],
    ['PUT', `/Users/${user.id}`, bad('{"userName":"utf8","title":"', '"}')],
    ['PATCH', `/Users/${user.id}`, bad('{"Operations":[{"op":"add","path":"title","value":"', '"}]}')],
    ['POST', '/Groups', bad('{"displayName":"', '"}')],
  ] as const) {
    const response = await send(tenant, method, path, body);
    expectError(response, 400, 'invalidSyntax', `${method} ${path}`);
    expect(response.json.detail).toBe('The body is not valid UTF-8.');
  }
  // The same through JSON escapes: an unpaired surrogate is no Unicode text either.
  const lone = await send(tenant, 'POST', '/Users', Buffer.from('{"userName":"lone\\ud800"}'));
  expectError(lone, 400, 'invalidSyntax');
  const stored = await tenant.scim.get(`/Users/${user.id}`);
  expect(stored.json.title).toBeUndefined();
  expect((await tenant.scim.get('/Users')).json.Resources.map((u: { userName: string }) => u.userName)).toEqual(['utf8']);
  // Valid multi-byte text, including astral characters, round-trips.
  const text = 'Zoë Ångström 日本 😀';
  const created = await tenant.scim.post('/Users', { schemas: [USER], userName: text, title: text });
  expect((await tenant.scim.get(`/Users/${created.json.id}`)).json).toMatchObject({ userName: text, title: text });
});

test('NUL in any string attribute, in a filter and in a path is a 400 (or 404 for an id), never a 500', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', { schemas: [USER], userName: 'nul' });
  const { json: group } = await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'Nul' });
  const nul = 'a\u0000b';
  const bodies: [string, string, unknown][] = [
    ['POST', '/Users', { userName: nul }],
    ['POST', '/Users', { userName: 'n1', displayName: nul }],
    ['POST', '/Users', { userName: 'n1', name: { givenName: nul } }],
    ['POST', '/Users', { userName: 'n1', name: { familyName: nul } }],
    ['POST', '/Users', { userName: 'n1', title: nul }],
    ['POST', '/Users', { userName: 'n1', externalId: nul }],
    ['POST', '/Users', { userName: 'n1', emails: [{ value: nul, type: 'work' }] }],
    ['POST', '/Users', { userName: 'n1', emails: [{ value: 'x@y', type: nul }] }],
    ['POST', '/Users', { userName: 'n1', [ENTERPRISE]: { department: nul } }],
    ['POST', '/Users', { userName: 'n1', [ENTERPRISE]: { manager: { value: nul } } }],
    ['POST', '/Users', { userName: 'n1', [`ignored${nul}`]: 'x' }],
    ['PUT', `/Users/${user.id}`, { userName: 'nul', title: nul }],
    ['PATCH', `/Users/${user.id}`, { Operations: [{ op: 'replace', path: 'title', value: nul }] }],
    ['PATCH', `/Users/${user.id}`, { Operations: [{ op: 'replace', path: `title${nul}`, value: 'x' }] }],
    ['PATCH', `/Users/${user.id}`, { Operations: [{ op: 'replace', path: `emails[type eq "${nul}"].value`, value: 'x' }] }],
    ['PATCH', `/Users/${user.id}`, { Operations: [{ op: 'replace', value: { 'name.givenName': nul } }] }],
    ['POST', '/Groups', { displayName: nul }],
    ['POST', '/Groups', { displayName: 'g1', members: [{ value: nul }] }],
    ['PATCH', `/Groups/${group.id}`, { Operations: [{ op: 'add', path: 'members', value: [{ value: nul }] }] }],
    ['PATCH', `/Groups/${group.id}`, { Operations: [{ op: 'remove', path: `members[value eq "${nul}"]` }] }],
    ['PATCH', `/Groups/${group.id}`, { Operations: [{ op: 'replace', path: 'displayName', value: nul }] }],
  ];
  for (const [method, path, body] of bodies) {
    const response = await send(tenant, method, path, Buffer.from(JSON.stringify(body)));
    const label = `${method} ${path} ${JSON.stringify(body)}`;
    expectError(response, 400, 'invalidValue', label);
    expect(response.json.detail, label).toContain('NUL character');
  }
  for (const filter of [`userName eq "${nul}"`, `title co "${nul}"`, `emails[value sw "${nul}"]`, `userName${nul} eq "x"`, `externalId eq ${nul}`]) {
    expectError(await tenant.scim.get(filterPath('Users', filter)), 400, 'invalidFilter', filter);
  }
  expectError(await tenant.scim.get(filterPath('Groups', `displayName eq "${nul}"`)), 400, 'invalidFilter');
  for (const path of ['/Users/%00', `/Users/${user.id}%00`, '/Groups/%00', `/Groups/${group.id}%00`, '/Schemas/%00']) {
    expectError(await tenant.scim.get(path), 404, undefined, path);
    expectError(await tenant.scim.delete(path), 404, undefined, path);
  }
  expect((await tenant.scim.get('/Users?attributes=%00&sortBy=userName')).status).toBe(200);
  expectError(await tenant.scim.get('/Users?sortBy=%00'), 400, 'invalidValue');
  expect((await tenant.scim.get(`/Users/${user.id}`)).json).toMatchObject({ userName: 'nul' });
  expect((await tenant.scim.get('/Users')).json.totalResults).toBe(1);
});

test('__proto__, constructor and prototype keys and paths are ignored or refused, and pollute nothing', async ({ tenant }) => {
  const created = await send(
    tenant,
    'POST',
    '/Users',
    Buffer.from(
      `{"schemas":["${USER}"],"userName":"proto","__proto__":{"polluted":"yes","title":"injected"},"constructor":{"prototype":{"polluted":"yes"}},` +
        `"name":{"__proto__":{"givenName":"injected"},"familyName":"P"},"emails":[{"value":"p@x","__proto__":{"primary":true}}],"${ENTERPRISE}":{"__proto__":{"department":"injected"}}}`,
    ),
  );
  expect(created.status).toBe(201);
  const id = created.json.id;
  const operations = [
    '{"op":"add","path":"__proto__.polluted","value":"yes"}',
    '{"op":"add","path":"__proto__","value":{"polluted":"yes"}}',
    '{"op":"add","path":"constructor.prototype.polluted","value":"yes"}',
    '{"op":"replace","path":"prototype","value":{"polluted":"yes"}}',
    '{"op":"replace","path":"name.__proto__","value":{"polluted":"yes"}}',
    '{"op":"add","value":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}',
    `{"op":"add","value":{"${ENTERPRISE}":{"__proto__":{"polluted":"yes"}}}}`,
  ];
  for (const operation of operations) {
    const response = await send(tenant, 'PATCH', `/Users/${id}`, Buffer.from(`{"schemas":["${PATCH_OP}"],"Operations":[${operation}]}`));
    expect([200, 400], operation).toContain(response.status);
    // A refusal may quote the path; a success must show nothing injected.
    if (response.status === 400) expectError(response, 400, response.json.scimType, operation);
    else expect(response.text, operation).not.toMatch(/polluted|injected/);
  }
  const { json: group } = await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'Proto' });
  const groupPatch = (operation: string) => send(tenant, 'PATCH', `/Groups/${group.id}`, Buffer.from(`{"Operations":[${operation}]}`));
  expect((await groupPatch('{"op":"add","value":{"__proto__":{"displayName":"injected"}}}')).status).toBe(204);
  expectError(await groupPatch('{"op":"replace","path":"__proto__","value":"x"}'), 400, 'invalidPath');
  expect((await groupPatch('{"op":"replace","path":"constructor.prototype","value":"x"}')).status).toBe(204);
  // Object.prototype of the server is unpolluted: a fresh resource and a fresh list carry nothing injected.
  const fresh = await tenant.scim.post('/Users', { schemas: [USER], userName: 'fresh' });
  for (const response of [await tenant.scim.get(`/Users/${id}`), fresh, await tenant.scim.get('/Users'), await tenant.scim.get(`/Groups/${group.id}`)]) {
    expect(response.status).toBeLessThan(300);
    expect(response.text).not.toMatch(/polluted|injected/);
  }
  expect((await tenant.scim.get(`/Users/${id}`)).json).toMatchObject({ userName: 'proto', name: { familyName: 'P' }, emails: [{ value: 'p@x' }] });
  expect((await tenant.scim.get(`/Groups/${group.id}`)).json.displayName).toBe('Proto');
  expectError(await tenant.scim.get(filterPath('Users', '__proto__ pr')), 400, 'invalidFilter');
  expectError(await tenant.scim.get(filterPath('Users', 'constructor.prototype eq "x"')), 400, 'invalidFilter');
  expectError(await tenant.scim.get(filterPath('Users', 'emails[constructor eq "x"]')), 400, 'invalidFilter');
  // A PATCH creates the element its filter names: one named by the prototype is refused.
  const named = await tenant.scim.patch(`/Users/${id}`, { Operations: [{ op: 'add', path: 'emails[__proto__ eq "x"].value', value: 'q@x' }] });
  expectError(named, 400, 'invalidPath');
  expect((await tenant.scim.get(`/Users/${id}`)).json.emails).toEqual([{ value: 'p@x' }]);
});

test('filters built to be slow are refused with 400 invalidFilter or answered within 2 s', async ({ tenant }) => {
  await tenant.scim.post('/Users', { schemas: [USER], userName: 'slow%_\\user', title: '%_\\'.repeat(300) });
  const refused: [string, string][] = [
    [`${'('.repeat(5_000)}userName pr${')'.repeat(5_000)}`, 'The filter is longer than 4096 characters.'],
    [`${'('.repeat(2_000)}userName pr${')'.repeat(2_000)}`, `The filter nests deeper than ${MAX_FILTER_DEPTH} levels.`],
    [`${'not ('.repeat(600)}userName pr${')'.repeat(600)}`, `The filter nests deeper than ${MAX_FILTER_DEPTH} levels.`],
    [`${'emails['.repeat(500)}value pr${']'.repeat(500)}`, `The filter nests deeper than ${MAX_FILTER_DEPTH} levels.`],
    [Array.from({ length: MAX_FILTER_COMPARISONS + 1 }, () => 'title pr').join(' or '), `The filter has more than ${MAX_FILTER_COMPARISONS} comparisons.`],
    [`title co "${'%'.repeat(5_000)}"`, 'The filter is longer than 4096 characters.'],
    [`title co "${'\\'.repeat(3_000)}`, 'The filter has an unterminated string.'],
  ];
  // 1,400 terms, spaces as "+", so that the URL fits in Node's 16 KiB of headers and reaches the parser.
  const paths = [
    ...refused.map(([filter, detail]) => [filterPath('Users', filter), detail]),
    [`/Users?filter=${Array(1_400).fill('id+pr').join('+or+')}`, 'The filter is longer than 4096 characters.'],
  ];
  for (const [filter, detail] of paths) {
    const { response, ms } = await timed(() => tenant.scim.get(filter));
    expectError(response, 400, 'invalidFilter', filter.slice(0, 60));
    expect(response.json.detail, filter.slice(0, 60)).toBe(detail);
    expect(ms).toBeLessThan(2_000);
  }
  const answered = [
    Array.from({ length: MAX_FILTER_COMPARISONS }, (_, i) => `title co "${i}%"`).join(' or '),
    Array.from({ length: 100 }, () => 'userName sw "%" or title ew "_\\\\"').join(' or '),
    `title co "${'%_\\\\'.repeat(1_000)}"`,
    `title co "${'x'.repeat(4_000)}"`,
    `userName eq "${'%'.repeat(4_000)}"`,
    `${'('.repeat(MAX_FILTER_DEPTH - 1)}title co "%_"${')'.repeat(MAX_FILTER_DEPTH - 1)}`,
    Array.from({ length: 60 }, (_, i) => `emails[value co "${i}%" or type sw "_"]`).join(' or '),
  ];
  const groupsAnswered = [
    Array.from({ length: 150 }, (_, i) => `displayName co "${i}%"`).join(' or '),
    `displayName co "${'%_\\\\'.repeat(1_000)}"`,
    `members[value eq "${randomUUID()}"] or ${Array.from({ length: 150 }, () => 'displayName sw "_"').join(' or ')}`,
  ];
  for (const path of [...answered.map((filter) => filterPath('Users', filter)), ...groupsAnswered.map((filter) => filterPath('Groups', filter))]) {
    const { response, ms } = await timed(() => tenant.scim.get(path));
    expect(response.status, path.slice(0, 80)).toBe(200);
    expect(ms, path.slice(0, 80)).toBeLessThan(2_000);
  }
  expect((await tenant.scim.get(filterPath('Users', `title co "${'%_\\\\'.repeat(300)}"`))).json.totalResults).toBe(1);
});

// Every metacharacter of SQL, LIKE patterns and PostgreSQL's string syntax.
const NASTY = [
  "o'brien",
  'say "hi"',
  'a;b',
  'x -- y',
  '/* c */',
  'back\\slash',
  '100%',
  'under_score',
  '$1',
  "' OR '1'='1",
  '\'); DROP TABLE "User"; --',
  '\\%_\'";$$',
];

test('SQL metacharacters round-trip verbatim in every attribute and match exactly in filters', async ({ tenant }) => {
  // Hundreds of requests a second to two tenants: waited out where the rate limit answers.
  const scim = scimClient(tenant.subdomain, tenant.token, { patient: true });
  const stranger = await createScimTenant();
  const other = { scim: scimClient(stranger.subdomain, stranger.token, { patient: true }) };
  const users: Record<string, { id: string; value: string }> = {};
  for (const [i, value] of NASTY.entries()) {
    const attributes = {
      userName: value,
      externalId: value,
      displayName: value,
      title: value,
      name: { givenName: value, familyName: value },
      emails: [{ value: `${value}@x`, type: 'work', primary: true }],
      [ENTERPRISE]: { department: value, employeeNumber: value },
    };
    const created = await scim.post('/Users', { schemas: [USER, ENTERPRISE], ...attributes });
    expect(created.status, value).toBe(201);
    const read = await scim.get(`/Users/${created.json.id}`);
    expect(read.json, value).toMatchObject(attributes);
    users[value] = { id: created.json.id, value };
    // The other tenant holds look-alikes that must never be matched from here.
    await other.scim.post('/Users', { schemas: [USER], userName: value, title: `${value}${i}` });
  }
  // A manager reference with metacharacters names no user: kept verbatim as unresolved (docs/scim.md), never a 500,
  // and found again by exactly that value; a real one is linked.
  for (const value of NASTY) {
    const kept = await scim.patch(`/Users/${users[value].id}`, { Operations: [{ op: 'replace', path: `${ENTERPRISE}:manager`, value }] });
    expect(kept.status, value).toBe(200);
    expect(kept.json[ENTERPRISE].manager, value).toEqual({ value });
    expect(
      (await scim.get(filterPath('Users', `${ENTERPRISE}:manager eq ${JSON.stringify(value)}`))).json.Resources.map((r: { id: string }) => r.id),
      value,
    ).toEqual([users[value].id]);
  }
  const boss = users[NASTY[0]].id;
  const managed = await scim.patch(`/Users/${users[NASTY[1]].id}`, { Operations: [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: boss } }] });
  expect(managed.json[ENTERPRISE].manager.value).toBe(boss);

  const found = async (filter: string, resource = 'Users') => {
    const response = await scim.get(filterPath(resource, filter));
    expect(response.status, filter).toBe(200);
    return response.json.Resources.map((r: { userName?: string; displayName?: string }) => r.userName ?? r.displayName).sort();
  };
  for (const value of NASTY) {
    const literal = JSON.stringify(value);
    for (const attribute of ['userName', 'externalId', 'displayName', 'title', 'name.givenName', 'name.familyName', `${ENTERPRISE}:department`]) {
      expect(await found(`${attribute} eq ${literal}`), `${attribute} eq ${literal}`).toEqual([value]);
    }
    expect(await found(`emails[type eq "work" and value eq ${JSON.stringify(`${value}@x`)}]`)).toEqual([value]);
    expect(await found(`emails[type eq "work"].value eq ${JSON.stringify(`${value}@x`)}`)).toEqual([value]);
    expect(await found(`userName co ${literal}`)).toEqual(NASTY.filter((v) => v.toLowerCase().includes(value.toLowerCase())).sort());
  }
  const containing = (part: string) => NASTY.filter((v) => v.includes(part)).sort();
  expect(await found('userName co "%"')).toEqual(containing('%'));
  expect(await found('userName co "_"')).toEqual(containing('_'));
  expect(await found('userName co "\\\\"')).toEqual(containing('\\'));
  expect(await found('userName sw "\'"')).toEqual(NASTY.filter((v) => v.startsWith("'")).sort());
  expect(await found('title ew "%"')).toEqual(NASTY.filter((v) => v.endsWith('%')).sort());
  expect(await found('userName eq "o\'brien" or userName eq "1\'=\'1"')).toEqual(["o'brien"]);
  expect(await found('userName ne "$1"')).toHaveLength(NASTY.length - 1);

  // Groups: displayName and member values.
  for (const value of NASTY) {
    const created = await scim.post('/Groups', { schemas: [GROUP], displayName: value, externalId: value, members: [{ value: users[value].id }] });
    expect(created.status, value).toBe(201);
    const read = await scim.get(`/Groups/${created.json.id}`);
    expect(read.json, value).toMatchObject({ displayName: value, externalId: value, members: [{ value: users[value].id }] });
    expect(await found(`displayName eq ${JSON.stringify(value)}`, 'Groups')).toEqual([value]);
    expectError(
      await scim.patch(`/Groups/${created.json.id}`, { Operations: [{ op: 'add', path: 'members', value: [{ value }] }] }),
      400,
      'invalidValue',
      value,
    );
    const removed = await scim.patch(`/Groups/${created.json.id}`, { Operations: [{ op: 'remove', path: `members[value eq ${JSON.stringify(value)}]` }] });
    expect(removed.status, value).toBe(204);
    expect((await scim.get(`/Groups/${created.json.id}`)).json.members).toMatchObject([{ value: users[value].id }]);
  }
  expect(await found('displayName co "%"', 'Groups')).toEqual(containing('%'));
  expect(await found('displayName co "_"', 'Groups')).toEqual(containing('_'));
  // The other tenant sees its own look-alikes only.
  const theirs = await other.scim.get(filterPath('Users', 'userName co "\'"'));
  expect(theirs.json.Resources.map((u: { id: string }) => u.id).filter((id: string) => Object.values(users).some((u) => u.id === id))).toEqual([]);
  expect(theirs.json.totalResults).toBe(NASTY.filter((v) => v.includes("'")).length);
});
