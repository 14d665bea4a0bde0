import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from '../support/scim-fixtures';

// Entra sends a cycle's requests in parallel, and a retry can overlap the
// request it repeats. Each race here must end with every request answered
// as its turn deserved and the tenant holding exactly one consistent result.

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const membersPatch = (op: string, id: string) => ({ schemas: [PATCH_OP], Operations: [{ op, path: 'members', value: [{ value: id }] }] });

test('50 concurrent PATCHes to one group, half adding and half removing members, all land', async ({ tenant }) => {
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) ids.push((await tenant.scim.post('/Users', { schemas: [USER], userName: `member${i}@race.test` })).json.id);
  const [leaving, joining] = [ids.slice(0, 25), ids.slice(25)];
  const group = await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'Race', members: leaving.map((value) => ({ value })) });
  expect(group.status).toBe(201);
  await sleep(1_100); // a fresh second of the tenant's request budget (100 a second in these tests)

  const answers = await Promise.all([
    ...leaving.map((id) => tenant.scim.patch(`/Groups/${group.json.id}`, membersPatch('Remove', id))),
    ...joining.map((id) => tenant.scim.patch(`/Groups/${group.json.id}`, membersPatch('Add', id))),
  ]);
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 204));
  const after = await tenant.scim.get(`/Groups/${group.json.id}`);
  expect(after.json.members.map((m: { value: string }) => m.value).sort()).toEqual([...joining].sort());
  // Every change moved the version once: none was lost to another.
  expect(after.headers.etag).toBe(`W/"${1 + answers.length}"`);
});

test('20 concurrent POSTs of the same userName: exactly one 201, the rest 409 uniqueness, one user stored', async ({ tenant }) => {
  const body = { schemas: [USER], userName: 'twin@race.test', name: { givenName: 'Twin', familyName: 'Race' } };
  const answers = await Promise.all(Array.from({ length: 20 }, () => tenant.scim.post('/Users', body)));
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses).toEqual([201, ...Array(19).fill(409)]);
  for (const refused of answers.filter((a) => a.status === 409)) expect(refused.json.scimType).toBe('uniqueness');
  const found = await tenant.scim.get(`/Users?filter=${encodeURIComponent('userName eq "twin@race.test"')}`);
  expect(found.json.totalResults).toBe(1);
  expect(found.json.Resources[0].id).toBe(answers.find((a) => a.status === 201)!.json.id);
});

test('concurrent PUTs with the same If-Match: one wins, the others get 412, and the winner is what is stored', async ({ tenant }) => {
  const created = await tenant.scim.post('/Users', { schemas: [USER], userName: 'contested@race.test', displayName: 'Before' });
  const version = created.headers.etag as string;
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      tenant.scim.put(`/Users/${created.json.id}`, { schemas: [USER], userName: 'contested@race.test', displayName: `Writer ${i}` }, { 'If-Match': version }),
    ),
  );
  const winners = answers.filter((a) => a.status === 200);
  expect(winners).toHaveLength(1);
  expect(answers.filter((a) => a.status === 412)).toHaveLength(9);
  const stored = await tenant.scim.get(`/Users/${created.json.id}`);
  expect(stored.json.displayName).toBe(winners[0].json.displayName);
  expect(stored.headers.etag).toBe(winners[0].headers.etag);
  expect(stored.headers.etag).not.toBe(version);
});
