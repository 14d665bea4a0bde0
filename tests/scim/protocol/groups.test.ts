import { randomUUID } from 'node:crypto';
import { expect, test, useScimHarness } from '../../support/scim-harness';

useScimHarness();

// The group requests of Entra's SCIM tutorial (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups), replayed in process (tests/support/scim-harness.ts).

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

async function users(scim: import('../../support/scim-harness').ScimTenant['scim'], count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await scim.post('/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `member${i}@x.test` })).json.id);
  }
  return ids;
}

test('create, find by displayName, update and delete a group as Entra does', async ({ tenant }) => {
  const created = await tenant.scim.post('/Groups', {
    externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
    displayName: 'displayName',
    meta: { resourceType: 'Group' },
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
  });
  expect(created.status).toBe(201);
  expect(created.json).toMatchObject({ schemas: [GROUP], displayName: 'displayName', members: [], meta: { resourceType: 'Group' } });
  const id = created.json.id;

  const read = await tenant.scim.get(`/Groups/${id}?excludedAttributes=members`);
  expect(read.status).toBe(200);
  expect(read.json).not.toHaveProperty('members');
  const query = await tenant.scim.get(`/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "DISPLAYNAME"')}`);
  expect(query.json).toMatchObject({ totalResults: 1, Resources: [{ id, displayName: 'displayName' }] });
  expect(query.json.Resources[0]).not.toHaveProperty('members');

  const renamed = await tenant.scim.patch(
    `/Groups/${id}`,
    patch({ op: 'Replace', path: 'displayName', value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName' }),
  );
  expect(renamed.status).toBe(204);
  expect(renamed.text).toBe('');
  expect((await tenant.scim.get(`/Groups/${id}`)).json.displayName).toBe('1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName');

  const duplicate = await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: '1879DB59-3bdf-4490-ad68-ab880a269474updateddisplayname' });
  expect(duplicate.status).toBe(409);
  expect(duplicate.json.scimType).toBe('uniqueness');

  expect((await tenant.scim.delete(`/Groups/${id}`)).status).toBe(204);
  expect((await tenant.scim.get(`/Groups/${id}`)).status).toBe(404);
});

test('members: add many at once, idempotently; remove by value array and by filter; bare remove clears', async ({ tenant }) => {
  const ids = await users(tenant.scim, 5);
  const { json: group } = await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'Team' });
  const add = patch({ op: 'Add', path: 'members', value: ids.map((value) => ({ $ref: null, value })) });
  expect((await tenant.scim.patch(`/Groups/${group.id}`, add)).status).toBe(204);
  expect((await tenant.scim.patch(`/Groups/${group.id}`, add)).status).toBe(204);
  const members = async () => ((await tenant.scim.get(`/Groups/${group.id}`)).json.members ?? []).map((m: { value: string }) => m.value).sort();
  expect(await members()).toEqual([...ids].sort());

  // Without the flag: remove with a value array removes only those.
  await tenant.scim.patch(`/Groups/${group.id}`, patch({ op: 'Remove', path: 'members', value: [{ value: ids[0] }, { value: ids[1] }] }));
  expect(await members()).toEqual(ids.slice(2).sort());
  // With the flag: a value filter in the path.
  await tenant.scim.patch(`/Groups/${group.id}`, patch({ op: 'remove', path: `members[value eq "${ids[2]}"]` }));
  expect(await members()).toEqual(ids.slice(3).sort());
  const filtered = await tenant.scim.get(`/Groups?filter=${encodeURIComponent(`members[value eq "${ids[3]}"]`)}&excludedAttributes=members`);
  expect(filtered.json.totalResults).toBe(1);

  const unknown = await tenant.scim.patch(`/Groups/${group.id}`, patch({ op: 'add', path: 'members', value: [{ value: randomUUID() }] }));
  expect(unknown.status).toBe(400);
  expect(await members()).toEqual(ids.slice(3).sort());

  await tenant.scim.patch(`/Groups/${group.id}`, patch({ op: 'remove', path: 'members' }));
  expect(await members()).toEqual([]);

  // Deleting a user removes their memberships.
  await tenant.scim.patch(`/Groups/${group.id}`, patch({ op: 'add', path: 'members', value: [{ value: ids[4] }] }));
  await tenant.scim.delete(`/Users/${ids[4]}`);
  expect(await members()).toEqual([]);
});

test("a member's display is their human-readable name: displayName, else name.formatted, else given and family name, else userName", async ({ tenant }) => {
  const people = [
    { userName: 'shown@x.test', displayName: 'Shown Name', name: { formatted: 'Formatted Name', givenName: 'Given', familyName: 'Family' } },
    { userName: 'formatted@x.test', name: { formatted: 'Formatted Name', givenName: 'Given', familyName: 'Family' } },
    { userName: 'parts@x.test', name: { givenName: 'Given', familyName: 'Family' } },
    { userName: 'bare@x.test' },
  ];
  const ids: string[] = [];
  for (const person of people) ids.push((await tenant.scim.post('/Users', person)).json.id);
  const { json: group } = await tenant.scim.post('/Groups', {
    schemas: [GROUP],
    displayName: 'Named',
    members: ids.map((value) => ({ value, display: 'ignored' })),
  });
  const expected = ['Shown Name', 'Formatted Name', 'Given Family', 'bare@x.test'];
  const displays = (members: { value: string; display: string }[]) => ids.map((id) => members.find((m) => m.value === id)?.display);
  expect(displays(group.members)).toEqual(expected);
  expect(displays((await tenant.scim.get(`/Groups/${group.id}`)).json.members)).toEqual(expected);
  expect(displays((await tenant.scim.get(`/Groups?filter=${encodeURIComponent('displayName eq "Named"')}`)).json.Resources[0].members)).toEqual(expected);
});

test('a change naming a stranger writes nothing; missing groups are 404; If-Match is honoured; parallel adds all land', async ({ tenant }) => {
  const ids = await users(tenant.scim, 12);
  const created = await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'Ops', members: [{ value: ids[0] }] });
  const id = created.json.id;
  const members = async () => ((await tenant.scim.get(`/Groups/${id}`)).json.members ?? []).map((m: { value: string }) => m.value).sort();

  // One unknown id among good ones: 400 naming it, and neither the members nor the name change.
  const stranger = randomUUID();
  const refused = await tenant.scim.patch(
    `/Groups/${id}`,
    patch({ op: 'replace', path: 'displayName', value: 'Renamed' }, { op: 'add', path: 'members', value: [{ value: ids[1] }, { value: stranger }] }),
  );
  expect(refused.status).toBe(400);
  expect(refused.json.detail).toContain(stranger);
  expect(await members()).toEqual([ids[0]]);
  expect((await tenant.scim.get(`/Groups/${id}`)).json.displayName).toBe('Ops');

  expect((await tenant.scim.patch(`/Groups/${randomUUID()}`, patch({ op: 'add', path: 'members', value: [{ value: ids[1] }] }))).status).toBe(404);
  expect((await tenant.scim.patch(`/Groups/${randomUUID()}`, patch({ op: 'add', path: 'members', value: [{ value: stranger }] }))).status).toBe(404);

  const version = (await tenant.scim.get(`/Groups/${id}`)).headers.etag as string;
  const stale = await tenant.scim.patch(`/Groups/${id}`, patch({ op: 'add', path: 'members', value: [{ value: ids[1] }] }), { 'If-Match': 'W/"999"' });
  expect(stale.status).toBe(412);
  expect((await tenant.scim.patch(`/Groups/${id}`, patch({ op: 'add', path: 'members', value: [{ value: ids[1] }] }), { 'If-Match': version })).status).toBe(
    204,
  );

  // Entra adds members to one group in parallel requests: every one of them lands.
  const adds = await Promise.all(
    ids.slice(2).map((member) => tenant.scim.patch(`/Groups/${id}`, patch({ op: 'Add', path: 'members', value: [{ value: member }] }))),
  );
  expect(adds.map((r) => r.status)).toEqual(ids.slice(2).map(() => 204));
  expect(await members()).toEqual([...ids].sort());
});
