import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findScimUser, type Group } from '../../lib/db';
import { ScimError } from '../../lib/scim/errors';
import { groupPatchPlan, type GroupPlan } from '../../lib/scim/groups/group-input';
import { readJsonBody, type ScimRequest } from '../../lib/scim/http';
import { SCIM_SCHEMAS } from '../../lib/scim/limits';
import { applyPatch } from '../../lib/scim/patch/apply-patch';
import { parsePath, readPatchRequest } from '../../lib/scim/patch/patch-request';
import { canonicalUser, ENTERPRISE } from '../../lib/scim/users/user-attributes';
import { userColumns, type UserColumns } from '../../lib/scim/users/user-columns';
import { toUserResource, type UserRow } from '../../lib/scim/users/user-resource';
import { createUser, patchedUserColumns, patchUser as patchUserService, replacedUserColumns, USER_SCHEMA } from '../../lib/scim/users/user-service';
import { withTestDatabase } from '../support/database';
import { scimContext } from '../support/scim-context';

// The PATCH engine without a database: a user PATCH is patchedUserColumns,
// the function the real patchUser applies to the row it writes from
// (canonicalUser(the current resource) → applyPatch → userColumns), and the
// last block sends Entra's forms through the real patchUser on a database to
// hold the two together; a group PATCH is groupPatchPlan. The forms are
// Entra's, from Microsoft's SCIM tutorial and known issues
// (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups,
// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility).

withTestDatabase();

const BASE = 'https://acme.theorgwiki.com/api/v2/scim/v2';
const PATCH_OP = SCIM_SCHEMAS.patchOp;
const SELF = '0190f2d4-5a7e-7000-8000-000000000001';
const BOSS = '2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2';
const OTHER_BOSS = '26118915-6090-4610-87e4-49d8ca9f808d';
const MEMBER = '7f4bc1a3-285e-48ae-8202-5accb43efb0e';

type Op = Record<string, unknown>;

/** A user with nothing but a userName: every other column empty, as the column mapping leaves it. */
const EMPTY: UserColumns = userColumns({ userName: 'pat@acme.test' });

function user(overrides: Partial<UserColumns> = {}): UserColumns {
  return { ...EMPTY, ...overrides };
}

/** The stored row the columns came from, as patchUser's transaction reads it. */
function rowOf(columns: UserColumns): UserRow {
  return {
    ...structuredClone(columns),
    id: SELF,
    tenantId: '0190f2d4-5a7e-7000-8000-0000000000aa',
    entraObjectId: null,
    role: 'member',
    aboutMe: null,
    skills: [],
    photoKey: null,
    lastSignInAt: null,
    version: 4,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    updatedAt: new Date('2024-01-02T00:00:00Z'),
    manager: columns.managerId ? { displayName: 'The Boss', userName: 'boss@acme.test' } : null,
  } as unknown as UserRow;
}

/** What patchUser stores for a PATCH body sent to a user whose columns are `current`. */
function patchUserBody(current: UserColumns, body: Record<string, unknown>): UserColumns {
  return patchedUserColumns(rowOf(current), readPatchRequest(body), BASE);
}

function patchUser(current: UserColumns, ...operations: Op[]): UserColumns {
  return patchUserBody(current, { schemas: [PATCH_OP], Operations: operations });
}

function group(displayName = 'Engineering', externalId: string | null = 'ext-1'): Group {
  return {
    id: '0190f2d4-5a7e-7000-8000-0000000000bb',
    tenantId: '0190f2d4-5a7e-7000-8000-0000000000aa',
    displayName,
    externalId,
    description: null,
    version: 2,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  } as Group;
}

function patchGroup(current: Group, ...operations: Op[]): GroupPlan {
  return groupPatchPlan(current, { schemas: [PATCH_OP], Operations: operations });
}

function expectScim400(run: () => unknown, scimType?: string): ScimError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(400);
    if (scimType) expect((error as ScimError).scimType).toBe(scimType);
    return error as ScimError;
  }
  throw new Error('expected a ScimError 400');
}

/** Runs `run`; anything it throws must be a ScimError with status 400. */
function onlyScim400(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ScimError) || error.status !== 400) throw error;
  }
}

// ---------------------------------------------------------------------------
// Example-based: every Entra form of those pages.
// ---------------------------------------------------------------------------

describe('readPatchRequest and parsePath', () => {
  it('compares op case-insensitively and keeps operations in order', () => {
    const ops = readPatchRequest({
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Add', path: 'nickName', value: 'Babs' },
        { op: 'REPLACE', path: ' displayName ', value: 'x' },
        { op: 'rEmOvE', path: 'title' },
      ],
    });
    expect(ops).toEqual([
      { op: 'add', path: 'nickName', value: 'Babs' },
      { op: 'replace', path: 'displayName', value: 'x' },
      { op: 'remove', path: 'title', value: undefined },
    ]);
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'x', 1]) expectScim400(() => readPatchRequest(body as unknown as Record<string, unknown>), 'invalidSyntax');
  });

  it('accepts a lower-case "operations" key and a body without schemas', () => {
    expect(readPatchRequest({ operations: [{ op: 'add', path: 'title', value: 'x' }] })).toHaveLength(1);
  });

  it('refuses malformed bodies with 400', () => {
    expectScim400(() => readPatchRequest({ schemas: [SCIM_SCHEMAS.user], Operations: [{ op: 'add', path: 'a', value: 1 }] }), 'invalidSyntax');
    expectScim400(() => readPatchRequest({ schemas: [PATCH_OP] }), 'invalidSyntax');
    expectScim400(() => readPatchRequest({ schemas: [PATCH_OP], Operations: [] }), 'invalidSyntax');
    expectScim400(() => readPatchRequest({ Operations: [null] }), 'invalidSyntax');
    expectScim400(() => readPatchRequest({ Operations: [{ op: 'move', path: 'a', value: 1 }] }), 'invalidSyntax');
    expectScim400(() => readPatchRequest({ Operations: [{ op: 'add', path: 'a' }] }), 'invalidSyntax');
    expectScim400(() => readPatchRequest({ Operations: [{ op: 'add', path: 7, value: 1 }] }), 'invalidPath');
    expectScim400(() => readPatchRequest({ Operations: [{ op: 'remove' }] }), 'noTarget');
    expectScim400(() => readPatchRequest({ Operations: [{ op: 'remove', path: '   ' }] }), 'noTarget');
  });

  it('splits URN:attr and URN.attr paths, filters and sub-attributes', () => {
    const urns = [ENTERPRISE];
    expect(parsePath(`${ENTERPRISE}:manager`, urns)).toMatchObject({ urn: ENTERPRISE, attribute: 'manager', filter: null, subAttribute: null });
    expect(parsePath(`${ENTERPRISE}.manager`, urns)).toMatchObject({ urn: ENTERPRISE, attribute: 'manager' });
    expect(parsePath(`${ENTERPRISE.toLowerCase()}:employeeNumber`, urns)).toMatchObject({ urn: ENTERPRISE, attribute: 'employeeNumber' });
    expect(parsePath('emails[type eq "work"].value', urns)).toMatchObject({
      urn: null,
      attribute: 'emails',
      filter: { op: 'eq', attrPath: 'type', compValue: 'work' },
      subAttribute: 'value',
    });
    expect(parsePath('urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', urns)).toMatchObject({
      urn: null,
      attribute: 'name',
      subAttribute: 'givenName',
    });
    expectScim400(() => parsePath('emails[type eq', urns), 'invalidPath');
    expectScim400(() => parsePath('emails[type eq "work"', urns), 'invalidPath');
    expectScim400(() => parsePath('a.b.c', urns), 'invalidPath');
  });

  it('decodes JSON escapes in filter values', () => {
    expect(parsePath('members[value eq "a\\\\b \\"c\\""]', []).filter).toEqual({ op: 'eq', attrPath: 'value', compValue: 'a\\b "c"' });
  });

  it('refuses an unterminated filter string quickly (no catastrophic backtracking)', () => {
    const started = performance.now();
    expectScim400(() => parsePath(`members[value eq "${'\n'.repeat(60)}]`, []), 'invalidPath');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('user PATCH: Entra disables a user', () => {
  it('old form: "Replace" active with the string "False"', () => {
    expect(patchUser(user(), { op: 'Replace', path: 'active', value: 'False' }).active).toBe(false);
  });

  it('new form: "replace" active with false', () => {
    expect(patchUser(user(), { op: 'replace', path: 'active', value: false }).active).toBe(false);
  });

  it('coerces "True"/"TRUE"/"false" in any case, and refuses other values', () => {
    expect(patchUser(user({ active: false }), { op: 'Replace', path: 'active', value: 'True' }).active).toBe(true);
    expect(patchUser(user({ active: false }), { op: 'replace', path: 'active', value: 'TRUE' }).active).toBe(true);
    expect(patchUser(user(), { op: 'replace', path: 'active', value: 'false' }).active).toBe(false);
    expectScim400(() => patchUser(user(), { op: 'replace', path: 'active', value: 'no' }), 'invalidValue');
    expectScim400(() => patchUser(user(), { op: 'replace', path: 'active', value: 0 }), 'invalidValue');
  });

  it('never reactivates: a remove (or null) of active keeps the current value, so does a PUT without it', () => {
    for (const op of [
      { op: 'remove', path: 'active' },
      { op: 'Remove', path: 'ACTIVE' },
      { op: 'replace', path: 'active', value: null },
      { op: 'replace', value: { active: null } },
    ]) {
      expect(patchUser(user({ active: false }), op).active, JSON.stringify(op)).toBe(false);
      expect(patchUser(user({ active: true }), op).active, JSON.stringify(op)).toBe(true);
    }
    expect(replacedUserColumns({ active: false }, { userName: 'pat@acme.test' }).active).toBe(false);
    expect(replacedUserColumns({ active: false }, { userName: 'pat@acme.test', active: true }).active).toBe(true);
    expect(replacedUserColumns({ active: true }, { userName: 'pat@acme.test', active: 'False' }).active).toBe(false);
    // A new user is active unless the body says otherwise.
    expect(userColumns(canonicalUser({ userName: 'new@acme.test' })).active).toBe(true);
  });

  it('coerces boolean strings in POST/PUT bodies too', () => {
    const columns = userColumns(canonicalUser({ userName: 'a@b.c', active: 'False', emails: [{ value: 'a@b.c', type: 'work', primary: 'True' }] }));
    expect(columns.active).toBe(false);
    expect(columns.emails).toEqual([{ value: 'a@b.c', type: 'work', primary: true }]);
  });
});

describe('user PATCH: Entra adds a single-value string attribute', () => {
  it.each(['Add', 'add'])('%s nickName', (op) => {
    expect(patchUser(user(), { op, path: 'nickName', value: 'Babs' }).nickName).toBe('Babs');
  });

  it('attribute names are case-insensitive', () => {
    expect(patchUser(user(), { op: 'add', path: 'NICKNAME', value: 'Babs' }).nickName).toBe('Babs');
  });
});

describe('user PATCH: Entra replaces several attributes', () => {
  const current = user({
    displayName: 'Old',
    givenName: 'Old',
    familyName: 'Older',
    externalId: 'x',
    emails: [
      { value: 'old@acme.test', type: 'work', primary: true },
      { value: 'home@acme.test', type: 'home' },
    ],
    workEmail: 'old@acme.test',
  });

  it('old form: six Replace operations', () => {
    const columns = patchUser(
      current,
      { op: 'Replace', path: 'displayName', value: 'Pvlo' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
      { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
      { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
      { op: 'Replace', path: 'externalId', value: 'Eqpj' },
      { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: 'Eqpj' },
    );
    expect(columns).toMatchObject({
      displayName: 'Pvlo',
      givenName: 'Gtfd',
      familyName: 'Pkqf',
      externalId: 'Eqpj',
      employeeNumber: 'Eqpj',
      workEmail: 'TestBcwqnm@test.microsoft.com',
      emails: [
        { value: 'TestBcwqnm@test.microsoft.com', type: 'work', primary: true },
        { value: 'home@acme.test', type: 'home' },
      ],
    });
  });

  it('new form: no-path replace with dotted and URN-prefixed keys', () => {
    const columns = patchUser(
      current,
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
      {
        op: 'replace',
        value: {
          displayName: 'Bjfe',
          'name.givenName': 'Kkom',
          'name.familyName': 'Unua',
          [`${ENTERPRISE}:employeeNumber`]: 'Aklq',
        },
      },
    );
    expect(columns).toMatchObject({
      displayName: 'Bjfe',
      givenName: 'Kkom',
      familyName: 'Unua',
      employeeNumber: 'Aklq',
      workEmail: 'TestMhvaes@test.microsoft.com',
      externalId: 'x',
    });
    expect(columns.emails).toHaveLength(2);
  });

  it('emails[type eq "work"].value creates the element when there is none', () => {
    for (const op of ['Replace', 'add']) {
      const columns = patchUser(user({ emails: [{ value: 'home@acme.test', type: 'home' }] }), {
        op,
        path: 'emails[type eq "work"].value',
        value: 'new@acme.test',
      });
      expect(columns.emails).toEqual([
        { value: 'home@acme.test', type: 'home' },
        { type: 'work', value: 'new@acme.test' },
      ]);
      expect(columns.workEmail).toBe('new@acme.test');
    }
  });

  it('matches the filter value case-insensitively and replaces rather than duplicates', () => {
    const columns = patchUser(current, { op: 'replace', path: 'emails[type eq "Work"].value', value: 'n@acme.test' });
    expect(columns.emails.filter((e) => e.type === 'work')).toEqual([{ value: 'n@acme.test', type: 'work', primary: true }]);
  });

  it('works for phoneNumbers and addresses', () => {
    const columns = patchUser(
      user(),
      { op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '555-555-5555' },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '555-555-0000' },
      { op: 'Replace', path: 'addresses[type eq "work"].streetAddress', value: '1 Main St' },
      { op: 'Replace', path: 'addresses[type eq "work"].locality', value: 'Springfield' },
    );
    expect(columns.phoneNumbers).toEqual([
      { type: 'work', value: '555-555-5555' },
      { type: 'mobile', value: '555-555-0000' },
    ]);
    expect(columns.addresses).toEqual([{ type: 'work', streetAddress: '1 Main St', locality: 'Springfield' }]);
  });

  it('no-path replace with nested objects (RFC) keeps the sub-attributes it does not name', () => {
    const columns = patchUser(current, {
      op: 'replace',
      value: { name: { givenName: 'Nested' }, [ENTERPRISE]: { department: 'Tour Operations', manager: BOSS } },
    });
    expect(columns).toMatchObject({ givenName: 'Nested', familyName: 'Older', department: 'Tour Operations', managerId: BOSS });
  });

  it('replace of a complex attribute by path merges its sub-attributes (RFC 7644 §3.5.2.3)', () => {
    const columns = patchUser(current, { op: 'replace', path: 'name', value: { familyName: 'New' } });
    expect(columns).toMatchObject({ givenName: 'Old', familyName: 'New' });
  });

  it('no-path add works like replace for new attributes', () => {
    expect(patchUser(user(), { op: 'Add', value: { title: 'CTO', 'name.givenName': 'G' } })).toMatchObject({ title: 'CTO', givenName: 'G' });
  });

  it('a no-path operation needs an object value', () => {
    expectScim400(() => patchUser(user(), { op: 'replace', value: 'x' }), 'invalidPath');
    expectScim400(() => patchUser(user(), { op: 'replace', value: [{ title: 'x' }] }), 'invalidPath');
  });
});

describe('user PATCH: extension paths', () => {
  it.each([':', '.'])('accepts URN%sattr', (separator) => {
    const columns = patchUser(
      user(),
      { op: 'replace', path: `${ENTERPRISE}${separator}employeeNumber`, value: '701984' },
      { op: 'replace', path: `${ENTERPRISE}${separator}manager`, value: BOSS },
      { op: 'add', path: `${ENTERPRISE}${separator}costCenter`, value: '4130' },
    );
    expect(columns).toMatchObject({ employeeNumber: '701984', managerId: BOSS, costCenter: '4130' });
  });

  it('accepts the URN in another case and with a sub-attribute', () => {
    expect(patchUser(user(), { op: 'replace', path: `${ENTERPRISE.toUpperCase()}:manager.value`, value: BOSS }).managerId).toBe(BOSS);
  });

  it('no-path keys with URN.attr', () => {
    expect(patchUser(user(), { op: 'replace', value: { [`${ENTERPRISE}.department`]: 'D' } }).department).toBe('D');
  });
});

describe("user PATCH: Entra's manager forms", () => {
  const withBoss = user({ managerId: BOSS, department: 'X' });

  it.each([
    ['a bare string', OTHER_BOSS],
    ['an object', { value: OTHER_BOSS }],
    ['an RFC object with $ref and displayName', { value: OTHER_BOSS, $ref: `../Users/${OTHER_BOSS}`, displayName: 'John Smith' }],
    ['an array', [{ $ref: null, value: OTHER_BOSS }]],
  ])('sets the manager from %s', (_, value) => {
    expect(patchUser(user(), { op: 'add', path: `${ENTERPRISE}:manager`, value }).managerId).toBe(OTHER_BOSS);
    expect(patchUser(withBoss, { op: 'Replace', path: `${ENTERPRISE}:manager`, value }).managerId).toBe(OTHER_BOSS);
  });

  it('takes the manager from string, object and array forms in POST bodies', () => {
    for (const manager of ['myuser', { value: 'myuser' }, [{ value: 'myuser' }]]) {
      expect(userColumns(canonicalUser({ userName: 'a', [ENTERPRISE]: { manager } })).managerId).toBe('myuser');
    }
  });

  it('keeps an unresolved manager reference through other changes, and reads it back as sent (docs/scim.md)', () => {
    const row = { ...rowOf(user({ department: 'X' })), unresolvedManagerId: 'SuzzyQ' };
    expect(toUserResource(row, BASE)[ENTERPRISE]).toEqual({ department: 'X', manager: { value: 'SuzzyQ' } });
    expect(patchedUserColumns(row, readPatchRequest({ Operations: [{ op: 'replace', path: 'title', value: 'T' }] }), BASE)).toMatchObject({
      title: 'T',
      managerId: 'SuzzyQ',
    });
    expect(patchedUserColumns(row, readPatchRequest({ Operations: [{ op: 'remove', path: 'manager[value eq "SuzzyQ"]' }] }), BASE).managerId).toBeNull();
    expect(patchedUserColumns(row, readPatchRequest({ Operations: [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: BOSS }] }), BASE).managerId).toBe(
      BOSS,
    );
  });

  it('removes the manager by the URN path', () => {
    expect(patchUser(withBoss, { op: 'remove', path: `${ENTERPRISE}:manager` })).toMatchObject({ managerId: null, department: 'X' });
    expect(patchUser(withBoss, { op: 'Remove', path: `${ENTERPRISE}.manager` }).managerId).toBeNull();
  });

  it('removes the manager by manager[value eq "id"] without the URN, only when the id matches', () => {
    expect(patchUser(withBoss, { op: 'remove', path: `manager[value eq "${BOSS}"]` }).managerId).toBeNull();
    expect(patchUser(withBoss, { op: 'remove', path: `manager[value eq "${BOSS.toUpperCase()}"]` }).managerId).toBeNull();
    expect(patchUser(withBoss, { op: 'remove', path: `manager[value eq "${OTHER_BOSS}"]` }).managerId).toBe(BOSS);
    expect(patchUser(withBoss, { op: 'remove', path: `${ENTERPRISE}:manager[value eq "${BOSS}"]` }).managerId).toBeNull();
  });

  it('clears the manager by a replace with "" or null', () => {
    expect(patchUser(withBoss, { op: 'Replace', path: `${ENTERPRISE}:manager`, value: '' }).managerId).toBeNull();
    expect(patchUser(withBoss, { op: 'replace', path: `${ENTERPRISE}:manager`, value: null }).managerId).toBeNull();
    expect(patchUser(withBoss, { op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: '' } }).managerId).toBeNull();
  });

  it('refuses a manager that is not an id', () => {
    expectScim400(() => patchUser(user(), { op: 'add', path: `${ENTERPRISE}:manager`, value: 42 }), 'invalidValue');
    expectScim400(() => patchUser(user(), { op: 'add', path: `${ENTERPRISE}:manager`, value: [{ value: true }] }), 'invalidValue');
  });
});

describe('user PATCH: roles', () => {
  const role = '{"id":"06b07648-ecfe-589f-9d2f-6325724a46ee","value":"25","displayName":"Role1234"}';

  it('stores a JSON string value as sent', () => {
    const columns = patchUser(user(), { op: 'Add', path: 'roles', value: [{ value: role }] });
    expect(columns.roles).toEqual([{ value: role }]);
  });

  it('replace of the whole list, as AssertiveAppRoleAssignmentsComplex sends', () => {
    const columns = patchUser(user({ roles: [{ value: 'old' }] }), {
      op: 'replace',
      path: 'roles',
      value: [
        { primary: 'True', type: 'WindowsAzureActiveDirectoryRole', value: 'Admin' },
        { primary: false, value: 'Reader' },
      ],
    });
    expect(columns.roles).toEqual([
      { primary: true, type: 'WindowsAzureActiveDirectoryRole', value: 'Admin' },
      { primary: false, value: 'Reader' },
    ]);
  });

  it('roles[primary eq "True"].value finds the stored primary role (boolean) instead of adding another', () => {
    const current = user({
      roles: [
        { primary: true, value: 'Admin' },
        { primary: false, value: 'Reader' },
      ],
    });
    const once = patchUser(current, { op: 'Replace', path: 'roles[primary eq "True"].value', value: 'Owner' });
    expect(once.roles).toEqual([
      { primary: true, value: 'Owner' },
      { primary: false, value: 'Reader' },
    ]);
    expect(patchUser(once, { op: 'Replace', path: 'roles[primary eq "True"].value', value: 'Owner' }).roles).toEqual(once.roles);
    expect(patchUser(current, { op: 'Replace', path: 'roles[primary eq true].value', value: 'Owner' }).roles).toEqual(once.roles);
  });
});

describe('user PATCH: multi-valued attributes and primary', () => {
  const current = user({ emails: [{ value: 'a@acme.test', type: 'work', primary: true }] });

  it('adding a new primary email demotes the old one', () => {
    const columns = patchUser(current, { op: 'add', path: 'emails', value: [{ value: 'b@acme.test', type: 'other', primary: 'True' }] });
    expect(columns.emails).toEqual([
      { value: 'a@acme.test', type: 'work', primary: false },
      { value: 'b@acme.test', type: 'other', primary: true },
    ]);
  });

  it('creating a primary element through a filter path demotes the old one', () => {
    const columns = patchUser(current, { op: 'add', path: 'emails[type eq "home"]', value: { value: 'h@acme.test', primary: true } });
    expect(columns.emails.filter((e) => e.primary === true)).toEqual([{ type: 'home', value: 'h@acme.test', primary: true }]);
  });

  it('making an existing element primary through a filter path demotes the others', () => {
    const two = user({
      emails: [
        { value: 'a@acme.test', type: 'work', primary: true },
        { value: 'h@acme.test', type: 'home' },
      ],
    });
    const columns = patchUser(two, { op: 'replace', path: 'emails[type eq "home"].primary', value: 'True' });
    expect(columns.emails).toEqual([
      { value: 'a@acme.test', type: 'work', primary: false },
      { value: 'h@acme.test', type: 'home', primary: true },
    ]);
  });

  it('adding a non-primary email leaves the primary alone, and an existing value is updated in place', () => {
    const columns = patchUser(
      current,
      { op: 'add', path: 'emails', value: [{ value: 'c@acme.test', type: 'home' }] },
      { op: 'add', path: 'emails', value: [{ value: 'C@acme.test', type: 'HOME', display: 'C' }] },
    );
    expect(columns.emails).toEqual([
      { value: 'a@acme.test', type: 'work', primary: true },
      { value: 'C@acme.test', type: 'HOME', display: 'C' },
    ]);
  });

  it('removes by filter, by value list, and all with a bare remove', () => {
    const two = user({
      emails: [
        { value: 'a@acme.test', type: 'work' },
        { value: 'h@acme.test', type: 'home' },
      ],
    });
    expect(patchUser(two, { op: 'remove', path: 'emails[type eq "home"]' }).emails).toEqual([{ value: 'a@acme.test', type: 'work' }]);
    expect(patchUser(two, { op: 'remove', path: 'emails', value: [{ value: 'A@acme.test' }] }).emails).toEqual([{ value: 'h@acme.test', type: 'home' }]);
    expect(patchUser(two, { op: 'remove', path: 'emails' }).emails).toEqual([]);
    expect(patchUser(two, { op: 'remove', path: 'emails', value: [] }).emails).toEqual(two.emails);
  });

  it('remove of a sub-attribute through a filter keeps the element', () => {
    const columns = patchUser(user({ emails: [{ value: 'a@acme.test', type: 'work', display: 'A' }] }), {
      op: 'remove',
      path: 'emails[type eq "work"].display',
    });
    expect(columns.emails).toEqual([{ value: 'a@acme.test', type: 'work' }]);
  });

  it('refuses non-string sub-attribute values', () => {
    expectScim400(() => patchUser(user(), { op: 'add', path: 'emails', value: [{ value: 5 }] }), 'invalidValue');
    expectScim400(() => patchUser(user(), { op: 'add', path: 'emails[type eq "work"].value', value: { x: 1 } }), 'invalidValue');
  });
});

describe('user PATCH: ignored and refused input', () => {
  it('ignores unknown attributes, sub-attributes and extension URNs', () => {
    const current = user({ title: 'T', givenName: 'G' });
    const columns = patchUser(
      current,
      { op: 'add', path: 'favouriteColour', value: 'blue' },
      { op: 'replace', path: 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:CustomAttribute', value: 'x' },
      { op: 'replace', path: 'name.nickname', value: 'x' },
      { op: 'replace', path: 'emails[type eq "work"].bogus', value: 'x' },
      { op: 'remove', path: 'groups' },
      { op: 'replace', path: 'id', value: 'other' },
      {
        op: 'replace',
        value: { meta: { resourceType: 'User' }, schemas: ['x'], 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/User:foo': 1 },
      },
    );
    expect(columns).toEqual(current);
  });

  it('a filter over values like {"toString": 1} is a 400, not a crash', () => {
    expectScim400(
      () => patchUser(user(), { op: 'add', path: 'emails', value: [{ value: { toString: 1 } }] }, { op: 'remove', path: 'emails[value sw "a"]' }),
      'invalidValue',
    );
    expectScim400(
      () => patchUser(user(), { op: 'add', path: 'emails', value: [{ value: { toString: 1 } }] }, { op: 'remove', path: 'emails[value gt 1]' }),
      'invalidValue',
    );
  });

  it('refuses a filter or sub-attribute on a simple attribute', () => {
    expectScim400(() => patchUser(user(), { op: 'replace', path: 'title.value', value: 'x' }), 'invalidPath');
    expectScim400(() => patchUser(user(), { op: 'replace', path: 'title[value eq "x"]', value: 'x' }), 'invalidPath');
  });

  it('refuses a PATCH that removes userName or sets a wrong type', () => {
    expectScim400(() => patchUser(user(), { op: 'remove', path: 'userName' }), 'invalidValue');
    expectScim400(() => patchUser(user(), { op: 'replace', path: 'displayName', value: 12 }), 'invalidValue');
    expectScim400(() => patchUser(user(), { op: 'replace', path: 'name', value: 'x' }), 'invalidValue');
  });
});

describe('applyPatch', () => {
  it('does not change its input document', () => {
    const doc = canonicalUser(
      toUserResource(
        rowOf(user({ managerId: BOSS, givenName: 'G', emails: [{ value: 'a@acme.test', type: 'work', primary: true }], roles: [{ value: 'r' }] })),
        BASE,
      ),
    );
    const before = structuredClone(doc);
    const operations = readPatchRequest({
      Operations: [
        { op: 'add', path: 'emails', value: [{ value: 'b@acme.test', primary: true }] },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'c@acme.test' },
        { op: 'remove', path: 'roles' },
        { op: 'replace', path: 'name.givenName', value: 'H' },
        { op: 'replace', value: { name: { familyName: 'F' }, [ENTERPRISE]: { department: 'D' } } },
        { op: 'remove', path: `manager[value eq "${BOSS}"]` },
      ],
    });
    const after = applyPatch(doc, operations, USER_SCHEMA);
    expect(doc).toEqual(before);
    expect(after).not.toEqual(before);
  });

  it('applies operations in order', () => {
    const current = user({ emails: [{ value: 'a@acme.test', type: 'work' }] });
    expect(patchUser(current, { op: 'remove', path: 'emails' }, { op: 'add', path: 'emails', value: [{ value: 'b@acme.test', type: 'work' }] }).emails).toEqual(
      [{ value: 'b@acme.test', type: 'work' }],
    );
    expect(patchUser(current, { op: 'add', path: 'emails', value: [{ value: 'b@acme.test', type: 'work' }] }, { op: 'remove', path: 'emails' }).emails).toEqual(
      [],
    );
    expect(patchUser(user(), { op: 'add', path: 'title', value: 'A' }, { op: 'replace', path: 'title', value: 'B' }).title).toBe('B');
  });
});

describe('group PATCH (groupPatchPlan)', () => {
  const [a, b, c] = ['0190f2d4-5a7e-7000-8000-00000000000a', '0190f2d4-5a7e-7000-8000-00000000000b', '0190f2d4-5a7e-7000-8000-00000000000c'];
  const none = { setMembers: null, add: [], remove: [], removeAll: false, needsCurrent: false };

  it('adds members sent with $ref: null, several in one op, in either op case, without duplicates', () => {
    for (const op of ['Add', 'add']) {
      const plan = patchGroup(group(), { op, path: 'members', value: [{ $ref: null, value: a }, { $ref: null, value: b }, { value: a }] });
      expect(plan).toEqual({ fields: null, ...none, add: [a, b] });
    }
  });

  it("removes only the members of a value array (Entra's old form)", () => {
    expect(patchGroup(group(), { op: 'Remove', path: 'members', value: [{ value: 'u1091' }] })).toMatchObject({ ...none, remove: ['u1091'] });
  });

  it("removes the member a filter path names (Entra's new form)", () => {
    expect(patchGroup(group(), { op: 'remove', path: `members[value eq "${MEMBER}"]` })).toMatchObject({ ...none, remove: [MEMBER] });
  });

  it('removes everyone only on a bare remove of members', () => {
    expect(patchGroup(group(), { op: 'remove', path: 'members' })).toMatchObject({ ...none, removeAll: true });
    expect(patchGroup(group(), { op: 'remove', path: 'members', value: [] })).toMatchObject(none);
  });

  it('replace of members sets exactly these', () => {
    expect(patchGroup(group(), { op: 'Replace', path: 'members', value: [{ value: a }, { value: b }] })).toMatchObject({ ...none, setMembers: [a, b] });
    expect(patchGroup(group(), { op: 'replace', path: 'members', value: [] })).toMatchObject({ ...none, setMembers: [] });
    expect(
      patchGroup(
        group(),
        { op: 'replace', path: 'members', value: [{ value: a }] },
        { op: 'add', path: 'members', value: [{ value: b }] },
        { op: 'remove', path: `members[value eq "${a}"]` },
      ),
    ).toMatchObject({ ...none, setMembers: [b] });
  });

  it('applies operations in order', () => {
    expect(patchGroup(group(), { op: 'remove', path: 'members' }, { op: 'add', path: 'members', value: [{ value: c }] })).toMatchObject({
      ...none,
      removeAll: true,
      add: [c],
    });
    expect(patchGroup(group(), { op: 'add', path: 'members', value: [{ value: c }] }, { op: 'remove', path: 'members' })).toMatchObject({
      ...none,
      removeAll: true,
    });
    expect(
      patchGroup(group(), { op: 'add', path: 'members', value: [{ value: a }, { value: b }] }, { op: 'remove', path: 'members', value: [{ value: a }] }),
    ).toMatchObject({ ...none, add: [b], remove: [a] });
    expect(patchGroup(group(), { op: 'remove', path: 'members', value: [{ value: a }] }, { op: 'add', path: 'members', value: [{ value: a }] })).toMatchObject({
      ...none,
      add: [a],
    });
  });

  it('changes displayName and externalId by path or without one, beside members', () => {
    expect(patchGroup(group(), { op: 'Replace', path: 'displayName', value: 'Platform' }).fields).toEqual({ displayName: 'Platform', externalId: 'ext-1' });
    const plan = patchGroup(group(), { op: 'replace', value: { id: 'ignored', displayName: 'Platform', externalId: 'e2', Members: [{ value: a }] } });
    expect(plan).toMatchObject({ fields: { displayName: 'Platform', externalId: 'e2' }, setMembers: [a] });
    expect(patchGroup(group(), { op: 'remove', path: 'externalId' }).fields?.externalId).toBeNull();
  });

  it('refuses bad member ids, unreadable member filters and a lost displayName', () => {
    expectScim400(() => patchGroup(group(), { op: 'add', path: 'members', value: [{ value: 5 }] }), 'invalidValue');
    expectScim400(() => patchGroup(group(), { op: 'add', path: 'members', value: [{ display: 'x' }] }), 'invalidValue');
    expectScim400(() => patchGroup(group(), { op: 'remove', path: 'members[display eq "x"]' }), 'invalidPath');
    expectScim400(() => patchGroup(group(), { op: 'remove', path: 'displayName' }), 'invalidValue');
    expectScim400(() => patchGroup(group(), { op: 'replace', path: 'displayName', value: '  ' }), 'invalidValue');
  });
});

// ---------------------------------------------------------------------------
// Property-based.
// ---------------------------------------------------------------------------

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A value as the route hands it over: parsed from JSON by readJsonBody (which drops prototype keys). */
const received = <T>(value: T): T => JSON.parse(JSON.stringify(value) ?? 'null', (k, v) => (FORBIDDEN_KEYS.has(k) ? undefined : v));

const tricky = fc.constantFrom('toString', 'valueOf', 'hasOwnProperty', 'value', 'type', 'primary', 'display', '$ref', 'Value', 'members', 'manager', '');
const key = fc.oneof(tricky, fc.string({ maxLength: 8 }));
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 'True', 'False', '', 0, -1.5, BOSS, 'work'),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const attributeNames = fc.constantFrom(
  'userName',
  'displayName',
  'active',
  'title',
  'name',
  'emails',
  'phoneNumbers',
  'addresses',
  'photos',
  'roles',
  'members',
  'externalId',
  'manager',
  'employeeNumber',
  'groups',
  'id',
  'x',
  'toString',
  'constructor',
);
const subNames = fc.constantFrom('value', 'type', 'primary', 'display', 'givenName', 'streetAddress', '$ref', 'toString', 'bogus');
const filterText = fc.oneof(
  fc.constantFrom(
    'type eq "work"',
    'value eq "a"',
    'primary eq true',
    'primary eq "True"',
    'type eq "work" and primary eq true',
    'type eq "work" or type eq "home"',
    'not (type eq "work")',
    'value pr',
    'value sw "a"',
    'value ew 1',
    'value co "x"',
    'value gt 1',
    'value le "m"',
    'toString sw "x"',
    'value[type eq "x"]',
    'type eq',
    '"unterminated',
    'value eq null',
    `value eq "${MEMBER}"`,
    'value eq 12',
  ),
  fc.string({ maxLength: 16 }),
);
const structuredPath = fc
  .tuple(
    fc.constantFrom(
      '',
      `${ENTERPRISE}:`,
      `${ENTERPRISE}.`,
      'urn:ietf:params:scim:schemas:core:2.0:User:',
      'urn:ietf:params:scim:schemas:core:2.0:Group:',
      'urn:x:',
    ),
    attributeNames,
    fc.option(filterText, { nil: undefined }),
    fc.option(subNames, { nil: undefined }),
  )
  .map(([prefix, attribute, filter, sub]) => `${prefix}${attribute}${filter === undefined ? '' : `[${filter}]`}${sub === undefined ? '' : `.${sub}`}`);
const path = fc.oneof(structuredPath, fc.string({ maxLength: 24 }), fc.constantFrom(undefined, null, '', ' ', 7));
const op = fc.oneof(fc.constantFrom('add', 'Add', 'replace', 'Replace', 'REMOVE', 'remove'), fc.string({ maxLength: 6 }), fc.constant(undefined));
const value = fc.oneof(
  json,
  fc.dictionary(structuredPath, json, { maxKeys: 4 }),
  fc.array(
    fc.record(
      { value: fc.oneof(fc.string({ maxLength: 8 }), json), type: fc.constantFrom('work', 'home'), primary: fc.constantFrom(true, 'True', 'false', 1) },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
  fc.constant(undefined),
);
const operation = fc.record({ op, path, value }, { requiredKeys: [] });
const patchBody = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { schemas: fc.constantFrom([PATCH_OP], undefined, ['x'], 'x'), Operations: fc.array(operation, { maxLength: 5 }) },
      { requiredKeys: ['Operations'] },
    ),
  },
  { weight: 1, arbitrary: json },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('schemas', 'Operations', 'operations', 'x'), json, { maxKeys: 3 }) },
);

const text = (max = 12) => fc.string({ minLength: 1, maxLength: max }).filter((t) => t.trim() !== '');
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const plural = fc.array(
  fc.record({ value: text(), type: fc.constantFrom('work', 'home', 'other', 'Work'), primary: fc.boolean(), display: text() }, { requiredKeys: ['value'] }),
  { maxLength: 3 },
);
const currentUser: fc.Arbitrary<UserColumns> = fc
  .record({
    userName: text(),
    displayName: nullable(text()),
    title: nullable(text()),
    active: fc.boolean(),
    givenName: nullable(text()),
    familyName: nullable(text()),
    emails: plural,
    phoneNumbers: plural,
    roles: plural,
    department: nullable(text()),
    managerId: nullable(fc.constantFrom(BOSS, OTHER_BOSS)),
  })
  .map((fields) => {
    const columns = user(fields);
    return { ...columns, workEmail: userColumns(canonicalUser(toUserResource(rowOf(columns), BASE))).workEmail };
  });

describe('property: garbage in gives columns or a 400', () => {
  it('user PATCH through readPatchRequest → applyPatch → userColumns', () => {
    fc.assert(
      fc.property(currentUser, patchBody, (current, body) => {
        onlyScim400(() => patchUserBody(current, received(body) as Record<string, unknown>));
      }),
      { numRuns: 500 },
    );
  });

  it('user PATCH with raw (unparsed) values, keys like toString included', () => {
    fc.assert(
      fc.property(currentUser, fc.array(operation, { minLength: 1, maxLength: 5 }), (current, operations) => {
        onlyScim400(() => patchUser(current, ...operations));
      }),
      { numRuns: 400 },
    );
  });

  it('random strings as paths', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('add', 'replace', 'remove'), json, (p, o, v) => {
        onlyScim400(() => patchUser(user({ emails: [{ value: 'a', type: 'work' }] }), { op: o, path: p, value: v }));
        onlyScim400(() => patchGroup(group(), { op: o, path: p, value: v }));
      }),
      { numRuns: 300 },
    );
  });

  it('group PATCH through groupPatchPlan', () => {
    fc.assert(
      fc.property(patchBody, (body) => {
        onlyScim400(() => groupPatchPlan(group(), received(body) as Record<string, unknown>));
      }),
      { numRuns: 500 },
    );
  });

  it('any JSON body through readJsonBody, as the route reads it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(json, patchBody), async (body) => {
        const request: ScimRequest = {
          method: 'PATCH',
          url: new URL(`${BASE}/Users/${SELF}`),
          header: (name) => (name === 'content-type' ? 'application/scim+json' : null),
          body: new TextEncoder().encode(JSON.stringify(body) ?? ''),
          aborted: () => false,
        };
        try {
          const parsed = readJsonBody(request);
          onlyScim400(() => patchUserBody(user(), parsed));
          onlyScim400(() => groupPatchPlan(group(), parsed));
        } catch (error) {
          if (!(error instanceof ScimError) || error.status !== 400) throw error;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: a replace applied twice equals it applied once', () => {
  const types = fc.constantFrom('work', 'home', 'Work', 'mobile');
  const replaceOp: fc.Arbitrary<Op> = fc
    .oneof(
      fc.record({ path: fc.constantFrom('displayName', 'title', 'nickName', 'externalId', 'userName', 'name.givenName', 'NAME.familyName'), value: text() }),
      fc.record({ path: fc.constant('active'), value: fc.constantFrom(true, false, 'True', 'False', 'TRUE') }),
      fc.record({ path: types.map((t) => `emails[type eq "${t}"].value`), value: text() }),
      fc.record({ path: types.map((t) => `phoneNumbers[type eq "${t}"].value`), value: text() }),
      fc.record({ path: types.map((t) => `emails[type eq "${t}"].primary`), value: fc.constantFrom(true, 'True', false, 'False') }),
      fc.record({
        path: fc.constantFrom('roles[primary eq "True"].value', 'roles[primary eq true].value', 'addresses[type eq "work"].streetAddress'),
        value: text(),
      }),
      fc.record({ path: fc.constantFrom('emails', 'roles'), value: plural }),
      fc.record({ path: fc.constantFrom(`${ENTERPRISE}:department`, `${ENTERPRISE}.employeeNumber`, `${ENTERPRISE.toLowerCase()}:costCenter`), value: text() }),
      fc.record({
        path: fc.constantFrom(`${ENTERPRISE}:manager`, `${ENTERPRISE}.manager`),
        value: fc.oneof(
          fc.constantFrom(BOSS, OTHER_BOSS, ''),
          fc.constantFrom(BOSS, OTHER_BOSS).map((v) => ({ value: v })),
          fc.constantFrom(BOSS, OTHER_BOSS).map((v) => [{ $ref: null, value: v }]),
        ),
      }),
      fc.record({ path: fc.constant('name'), value: fc.record({ givenName: text(), familyName: text(), formatted: text() }, { requiredKeys: [] }) }),
      fc.record({
        value: fc.record(
          {
            displayName: text(),
            'name.givenName': text(),
            name: fc.record({ familyName: text() }),
            [`${ENTERPRISE}:employeeNumber`]: text(),
            [ENTERPRISE]: fc.record({ department: text(), manager: fc.constantFrom(BOSS, OTHER_BOSS) }, { requiredKeys: [] }),
            active: fc.constantFrom('False', true),
          },
          { requiredKeys: [] },
        ),
      }),
    )
    .map((o) => ({ op: 'replace', ...o }));

  it('holds for generated replace operations on generated users', () => {
    fc.assert(
      fc.property(currentUser, replaceOp, (current, operation) => {
        let once: UserColumns;
        try {
          once = patchUser(current, operation);
        } catch (error) {
          expect(error).toBeInstanceOf(ScimError);
          return;
        }
        expect(patchUser(once, operation)).toEqual(once);
        expect(patchUser(current, operation, operation)).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('property: adding then removing a member leaves it out of the plan', () => {
  const id = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/));
  const memberList = (ids: string[]) => ids.map((value) => ({ $ref: null, value }));
  const otherOp = fc
    .array(id, { maxLength: 3 })
    .chain((ids) =>
      fc.constantFrom<Op>(
        { op: 'Add', path: 'members', value: memberList(ids) },
        { op: 'remove', path: 'members', value: memberList(ids) },
        { op: 'replace', path: 'members', value: memberList(ids) },
        { op: 'remove', path: 'members' },
        { op: 'replace', value: { displayName: 'Renamed', members: memberList(ids) } },
      ),
    );
  const addForms = (m: string): Op[] => [
    { op: 'Add', path: 'members', value: [{ $ref: null, value: m }] },
    { op: 'add', path: 'members', value: { value: m } },
    { op: 'add', path: `members[value eq ${JSON.stringify(m)}]`, value: {} },
    { op: 'add', value: { members: [{ value: m }] } },
  ];
  const removeForms = (m: string): Op[] => [
    { op: 'Remove', path: 'members', value: [{ value: m }] },
    { op: 'remove', path: `members[value eq ${JSON.stringify(m)}]` },
    { op: 'remove', path: 'urn:ietf:params:scim:schemas:core:2.0:Group:members', value: [{ value: m }] },
  ];

  it('for every add and remove form, after any earlier operations', () => {
    fc.assert(
      fc.property(id, fc.array(otherOp, { maxLength: 3 }), fc.nat(3), fc.nat(2), (m, before, addForm, removeForm) => {
        const plan = patchGroup(group(), ...before, addForms(m)[addForm], removeForms(m)[removeForm]);
        expect(plan.add).not.toContain(m);
        expect(plan.setMembers ?? []).not.toContain(m);
        expect(plan.removeAll || plan.setMembers !== null || plan.remove.includes(m)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the real patchUser stores what the engine computes', () => {
  const forms: [string, Op[]][] = [
    ['old form: Replace active with "False"', [{ op: 'Replace', path: 'active', value: 'False' }]],
    [
      'old form: several Replace operations',
      [
        { op: 'Replace', path: 'displayName', value: 'Pat Lee' },
        { op: 'Replace', path: 'name.givenName', value: 'Pat' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'pat.lee@acme.test' },
      ],
    ],
    [
      'new form: no-path replace with dotted and URN keys',
      [{ op: 'replace', value: { 'name.familyName': 'Lee', [`${ENTERPRISE}:department`]: 'Sales', title: 'Lead' } }],
    ],
    ['add of a phone by filter', [{ op: 'add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' }]],
    [
      'manager set, then removed',
      [
        { op: 'replace', path: `${ENTERPRISE}:manager`, value: BOSS },
        { op: 'remove', path: `${ENTERPRISE}:manager` },
      ],
    ],
    ['roles replaced as a whole', [{ op: 'replace', path: 'roles', value: [{ primary: 'True', type: 'WindowsAzureActiveDirectoryRole', value: 'Admin' }] }]],
  ];
  for (const [label, operations] of forms) {
    it(label, async () => {
      const ctx = await scimContext(`engine-${Math.random().toString(36).slice(2, 8)}`);
      const created = await createUser(ctx, {
        userName: 'pat@acme.test',
        emails: [{ type: 'work', value: 'pat@acme.test', primary: true }],
        name: { givenName: 'Patricia', familyName: 'Lewis' },
        [ENTERPRISE]: { department: 'Engineering' },
      });
      const id = created.resource.id as string;
      const body = { schemas: [PATCH_OP], Operations: operations };
      const expected = patchedUserColumns((await findScimUser(ctx.sql, id))!, readPatchRequest(body), ctx.baseUrl);
      await patchUserService(ctx, id, body);
      const stored = (await findScimUser(ctx.sql, id))!;
      expect(Object.fromEntries(Object.keys(expected).map((key) => [key, stored[key as keyof UserColumns]]))).toEqual(expected);
    });
  }
});
