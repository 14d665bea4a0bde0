import { randomUUID } from 'node:crypto';
import { expect, test, useScimHarness } from '../../support/scim-harness';

useScimHarness();

// The user requests of Entra's SCIM tutorial (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups), replayed in process (tests/support/scim-harness.ts).

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

function entraUser(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [CORE, ENTERPRISE],
    externalId: randomUUID(),
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: `${userName}@testuser.com` }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
    ...extra,
  };
}

test('Test Connection: a random GUID filter answers 200 with an empty ListResponse', async ({ tenant }) => {
  const response = await tenant.scim.get(`/Users?filter=userName+eq+%22${randomUUID()}%22`);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toContain('application/scim+json');
  expect(response.json).toEqual({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: 0,
    startIndex: 1,
    itemsPerPage: 0,
    Resources: [],
  });
});

test('create, read, query and delete a user as Entra does (docs/scim.md#routes)', async ({ tenant }) => {
  const body = entraUser('Test_User_00aa00aa');
  const created = await tenant.scim.post('/Users', body);
  expect(created.status).toBe(201);
  const id = created.json.id;
  expect(created.headers.location).toBe(created.json.meta.location);
  expect(created.json).toMatchObject({
    schemas: [CORE],
    externalId: body.externalId,
    userName: 'Test_User_00aa00aa',
    name: body.name,
    active: true,
    emails: body.emails,
    meta: { resourceType: 'User', version: 'W/"1"' },
  });
  expect(created.json).not.toHaveProperty('roles');

  const read = await tenant.scim.get(`/Users/${id}`);
  expect(read.status).toBe(200);
  expect(read.json).toEqual(created.json);

  // userName is caseExact=false; Entra's `+` for spaces and unquoted values both work.
  const byName = await tenant.scim.get('/Users?filter=userName+eq+%22test_user_00AA00AA%22');
  expect(byName.json).toMatchObject({ totalResults: 1, Resources: [{ id }] });
  const byExternalId = await tenant.scim.get(`/Users?filter=externalId eq ${body.externalId}`);
  expect(byExternalId.json.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
  const byWorkEmail = await tenant.scim.get(`/Users?filter=${encodeURIComponent('emails[type eq "work"].value eq "TEST_User_00aa00aa@testuser.com"')}`);
  expect(byWorkEmail.json.totalResults).toBe(1);

  expect((await tenant.scim.get(`/Users/${randomUUID()}`)).status).toBe(404);
  const duplicate = await tenant.scim.post('/Users', entraUser('TEST_USER_00AA00AA'));
  expect(duplicate.status).toBe(409);
  expect(duplicate.json).toMatchObject({ status: '409', scimType: 'uniqueness' });

  expect((await tenant.scim.delete(`/Users/${id}`)).status).toBe(204);
  const gone = await tenant.scim.get(`/Users/${id}`);
  expect(gone.status).toBe(404);
  expect(gone.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' });
});

test('PATCH: multi-valued and single-valued updates (RFC 7644 §3.5.2), creating the work email when missing', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', entraUser('patchme', { emails: [] }));
  const multi = await tenant.scim.patch(
    `/Users/${user.id}`,
    patch(
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ),
  );
  expect(multi.status).toBe(200);
  expect(multi.json.emails).toEqual([{ type: 'work', value: 'updatedEmail@microsoft.com' }]);
  expect(multi.json.name.familyName).toBe('updatedFamilyName');

  const single = await tenant.scim.patch(`/Users/${user.id}`, patch({ op: 'Replace', path: 'userName', value: 'renamed@testuser.com' }));
  expect(single.json.userName).toBe('renamed@testuser.com');
  const found = await tenant.scim.get(`/Users?filter=${encodeURIComponent('emails[type eq "work"].value eq "updatedemail@microsoft.com"')}`);
  expect(found.json.Resources[0].id).toBe(user.id);
});

test('disable and restore in both forms: "False"/"True" strings and booleans (docs/scim.md#soft-delete)', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', entraUser('softdelete'));
  for (const [value, active] of [
    ['False', false],
    [true, true],
    [false, false],
    ['True', true],
  ] as const) {
    const response = await tenant.scim.patch(`/Users/${user.id}`, patch({ op: 'Replace', path: 'active', value }));
    expect(response.status).toBe(200);
    expect(response.json.active).toBe(active);
    // A disabled user stays visible to GET by id and by filter.
    expect((await tenant.scim.get(`/Users/${user.id}`)).json.active).toBe(active);
    expect((await tenant.scim.get('/Users?filter=userName eq "softdelete"')).json.totalResults).toBe(1);
  }
});

test('removing active, or leaving it out of a PUT, never turns a deactivated person back on', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', entraUser('turned-off'));
  expect((await tenant.scim.patch(`/Users/${user.id}`, patch({ op: 'Replace', path: 'active', value: 'False' }))).json.active).toBe(false);
  const removed = await tenant.scim.patch(`/Users/${user.id}`, patch({ op: 'remove', path: 'active' }));
  expect(removed.status).toBe(200);
  expect(removed.json.active).toBe(false);
  const withoutActive: Record<string, unknown> = entraUser('turned-off');
  delete withoutActive.active;
  const replaced = await tenant.scim.put(`/Users/${user.id}`, withoutActive);
  expect(replaced.status).toBe(200);
  expect(replaced.json.active).toBe(false);
  expect((await tenant.scim.get(`/Users/${user.id}`)).json.active).toBe(false);
  expect((await tenant.scim.get(`/Users?filter=${encodeURIComponent('active eq false and userName eq "turned-off"')}`)).json.totalResults).toBe(1);
  // Turning on takes an explicit true.
  expect((await tenant.scim.patch(`/Users/${user.id}`, patch({ op: 'replace', path: 'active', value: true }))).json.active).toBe(true);
  expect((await tenant.scim.patch(`/Users/${user.id}`, patch({ op: 'remove', path: 'active' }))).json.active).toBe(true);
});

test('no-path replace with dotted and URN-prefixed keys; add of a single string attribute (docs/scim.md#entra-forms)', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', entraUser('nopath'));
  const response = await tenant.scim.patch(
    `/Users/${user.id}`,
    patch(
      { op: 'add', path: 'nickName', value: 'Babs' },
      {
        op: 'replace',
        value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', 'name.familyName': 'Unua', [`${ENTERPRISE}:employeeNumber`]: 'Aklq' },
      },
      { op: 'Add', path: `${ENTERPRISE}.department`, value: 'Tour Operations' },
    ),
  );
  expect(response.status).toBe(200);
  expect(response.json).toMatchObject({
    nickName: 'Babs',
    displayName: 'Bjfe',
    name: { givenName: 'Kkom', familyName: 'Unua' },
    [ENTERPRISE]: { employeeNumber: 'Aklq', department: 'Tour Operations' },
  });
});

test('manager: set as string, object or array, read back as the RFC object, removed by every form (docs/scim.md#manager)', async ({ tenant }) => {
  const { json: boss } = await tenant.scim.post('/Users', entraUser('boss', { displayName: 'The Boss' }));
  const { json: user } = await tenant.scim.post('/Users', entraUser('report'));
  const expected = { value: boss.id, $ref: `${boss.meta.location}`, displayName: 'The Boss' };
  const forms = [
    { op: 'add', path: `${ENTERPRISE}:manager`, value: boss.id },
    { op: 'Replace', path: `${ENTERPRISE}:manager`, value: { value: boss.id } },
    { op: 'Add', path: 'manager', value: [{ $ref: `http://x/scim/Users/${boss.id}`, value: boss.id }] },
  ];
  const removals = [
    { op: 'remove', path: `${ENTERPRISE}:manager` },
    { op: 'remove', path: `manager[value eq "${boss.id}"]` },
    { op: 'Replace', path: `${ENTERPRISE}:manager`, value: '' },
  ];
  for (const [index, form] of forms.entries()) {
    const set = await tenant.scim.patch(`/Users/${user.id}`, patch(form));
    expect(set.status, JSON.stringify(form)).toBe(200);
    expect(set.json[ENTERPRISE].manager).toEqual(expected);
    const check = await tenant.scim.get(`/Users?filter=${encodeURIComponent(`id eq "${user.id}" and manager eq "${boss.id}"`)}&attributes=id`);
    expect(check.json.totalResults).toBe(1);
    const removed = await tenant.scim.patch(`/Users/${user.id}`, patch(removals[index]));
    expect(removed.json[ENTERPRISE]?.manager, JSON.stringify(removals[index])).toBeUndefined();
  }
  // Deleting the manager clears the report's manager.
  await tenant.scim.patch(`/Users/${user.id}`, patch({ op: 'add', path: `${ENTERPRISE}:manager`, value: boss.id }));
  expect((await tenant.scim.delete(`/Users/${boss.id}`)).status).toBe(204);
  expect((await tenant.scim.get(`/Users/${user.id}`)).json[ENTERPRISE]?.manager).toBeUndefined();
});

test("a manager who is not (yet) a user is kept as sent, read back unchanged, and linked once Entra sends a user's id", async ({ tenant }) => {
  // Microsoft's reference collection: the enterprise extension with "Manager": {"Value": "SuzzyQ"}.
  const created = await tenant.scim.post('/Users', entraUser('report', { [ENTERPRISE]: { Department: 'bob', Manager: { Value: 'SuzzyQ' } } }));
  expect(created.status).toBe(201);
  expect(created.json[ENTERPRISE]).toEqual({ department: 'bob', manager: { value: 'SuzzyQ' } });
  const id = created.json.id;
  expect((await tenant.scim.get(`/Users/${id}`)).json[ENTERPRISE].manager).toEqual({ value: 'SuzzyQ' });
  // Entra checks its last write with this query; the answer must match what it sent.
  const check = async (managerId: string) =>
    (await tenant.scim.get(`/Users?filter=${encodeURIComponent(`id eq "${id}" and manager eq "${managerId}"`)}&attributes=id`)).json.totalResults;
  expect(await check('SuzzyQ')).toBe(1);

  // A SCIM id that names no user (the manager deleted, or a stale id): kept too, through other changes.
  const gone = randomUUID();
  expect((await tenant.scim.patch(`/Users/${id}`, patch({ op: 'Add', path: `${ENTERPRISE}:manager`, value: gone }))).json[ENTERPRISE].manager).toEqual({
    value: gone,
  });
  const retitled = await tenant.scim.patch(`/Users/${id}`, patch({ op: 'replace', path: 'title', value: 'Analyst' }));
  expect(retitled.json[ENTERPRISE].manager).toEqual({ value: gone });
  expect(await check(gone)).toBe(1);

  // The manager arrives with an id of ours; Entra sends it, and the reference is linked.
  const { json: boss } = await tenant.scim.post('/Users', entraUser('boss', { displayName: 'The Boss' }));
  const linked = await tenant.scim.patch(`/Users/${id}`, patch({ op: 'Add', path: `${ENTERPRISE}:manager`, value: boss.id }));
  expect(linked.json[ENTERPRISE].manager).toEqual({ value: boss.id, $ref: boss.meta.location, displayName: 'The Boss' });
  expect(await check(boss.id)).toBe(1);
  expect(await check(gone)).toBe(0);

  // Only the person themselves is refused: nothing can make that right later.
  const own = await tenant.scim.patch(`/Users/${id}`, patch({ op: 'Add', path: `${ENTERPRISE}:manager`, value: id }));
  expect(own.status).toBe(400);
  expect(own.json.scimType).toBe('invalidValue');
});

test("Entra's provisioning sample with nulls, unknown keys and a misspelt schema URN (docs/scim.md#ignored-input)", async ({ tenant }) => {
  const response = await tenant.scim.post('/Users', {
    schemas: [CORE, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User'],
    externalId: 'jyoung',
    userName: 'jyoung@testuser.com',
    active: true,
    addresses: null,
    displayName: 'Joy Young',
    emails: [{ type: 'work', value: 'jyoung@Contoso.com', primary: true }],
    meta: { resourceType: 'User' },
    name: { familyName: 'Young', givenName: 'Joy' },
    phoneNumbers: null,
    preferredLanguage: null,
    title: null,
    department: null,
    manager: null,
  });
  expect(response.status).toBe(201);
  expect(response.json).not.toHaveProperty('addresses');
  expect(response.json.emails[0].value).toBe('jyoung@Contoso.com');
  expect((await tenant.scim.get('/Users?filter=externalId eq jyoung')).json.totalResults).toBe(1);
});

test('PUT replaces, If-Match is honoured, and a failing PATCH changes nothing', async ({ tenant }) => {
  const { json: user } = await tenant.scim.post('/Users', entraUser('putme', { title: 'Engineer' }));
  const missingUserName = await tenant.scim.put(`/Users/${user.id}`, { schemas: [CORE], displayName: 'No name' });
  expect(missingUserName.status).toBe(400);

  const stale = await tenant.scim.put(`/Users/${user.id}`, entraUser('putme'), { 'If-Match': 'W/"99"' });
  expect(stale.status).toBe(412);
  const replaced = await tenant.scim.put(`/Users/${user.id}`, entraUser('putme', { displayName: 'Put Me' }), { 'If-Match': user.meta.version });
  expect(replaced.status).toBe(200);
  expect(replaced.json).not.toHaveProperty('title');
  expect(replaced.json.meta.version).toBe('W/"2"');

  const atomic = await tenant.scim.patch(
    `/Users/${user.id}`,
    patch({ op: 'replace', path: 'title', value: 'Changed' }, { op: 'replace', path: 'active', value: 'maybe' }),
  );
  expect(atomic.status).toBe(400);
  const after = await tenant.scim.get(`/Users/${user.id}`);
  expect(after.json).not.toHaveProperty('title');
  expect(after.json.meta.version).toBe('W/"2"');
});

test('paging, sorting and attribute selection', async ({ tenant }) => {
  for (const name of ['c-user', 'a-user', 'b-user']) await tenant.scim.post('/Users', entraUser(name));
  const page = await tenant.scim.get('/Users?sortBy=userName&sortOrder=descending&startIndex=2&count=1&attributes=userName');
  expect(page.json).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
  expect(page.json.Resources[0].userName).toBe('b-user');
  expect(page.json.Resources[0]).not.toHaveProperty('emails');
  const excluded = await tenant.scim.get('/Users?excludedAttributes=emails,name');
  expect(excluded.json.Resources.every((r: Record<string, unknown>) => !('emails' in r) && !('name' in r) && 'userName' in r)).toBe(true);
});
