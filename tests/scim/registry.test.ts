import { describe, expect, it } from 'vitest';
import { schemaDocuments, type SchemaDocument } from '../../lib/scim/discovery/schemas';
import type { SchemaAttribute } from '../../lib/scim/discovery/attribute';
import { resolveAttribute } from '../../lib/scim/filter/attributes';
import { compileFilter, compileSortBy } from '../../lib/scim/filter/compile-filter';
import { parseScimFilter } from '../../lib/scim/filter/parse-filter';
import { toGroupResource } from '../../lib/scim/groups/group-resource';
import { SCIM_SCHEMAS } from '../../lib/scim/limits';
import { GROUP_DOCUMENT, USER_DOCUMENT } from '../../lib/scim/schema';
import { canonicalUser, ENTERPRISE } from '../../lib/scim/users/user-attributes';
import { userColumns } from '../../lib/scim/users/user-columns';
import { toUserResource, type UserRow } from '../../lib/scim/users/user-resource';
import { SCIM_USER_TABLE, type Group, type ScimUserValues } from '../../lib/db';

// The attribute registry (lib/scim/schema) is read by six views: /Schemas,
// the resource a client reads, the column mapping a body is written through,
// the PATCH model, the filter map and the SQL column lists. Each is derived,
// so none can forget an attribute; these tests check that the derivations
// agree with each other where a client can see it: what /Schemas advertises
// is what a resource shows, what a body or PATCH may write, and what a filter
// may name, and a stored user survives being read and written back.

const BASE = 'https://acme.theorgwiki.com/api/v2/scim/v2';
const BOSS = '2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2';

const documents = schemaDocuments(BASE);
const served = (id: string): SchemaDocument => documents.find((d) => d.id === id)!;
const names = (attributes: readonly { name: string }[] | undefined) => (attributes ?? []).map((a) => a.name);
const writable = (attributes: readonly SchemaAttribute[]) => attributes.filter((a) => a.mutability !== 'readOnly');

/** A value for every sub-attribute /Schemas lists: true for booleans, the path for anything else, `work` for a type. */
function element(attribute: SchemaAttribute): Record<string, string | boolean> {
  return Object.fromEntries(
    (attribute.subAttributes ?? []).map((sub) => [sub.name, sub.type === 'boolean' ? true : sub.name === 'type' ? 'work' : `${attribute.name}.${sub.name}`]),
  );
}

/** A stored user with every column SCIM writes set, to values /Schemas allows. */
function fullRow(): UserRow {
  const user = served(SCIM_SCHEMAS.user).attributes;
  const columns = Object.fromEntries(
    Object.entries(SCIM_USER_TABLE).map(([column, kind]) => [column, kind === 'boolean' ? false : kind === 'jsonb' ? [] : `column ${column}`]),
  ) as Record<string, unknown>;
  for (const attribute of user) if (attribute.multiValued) columns[attribute.name] = [element(attribute)];
  columns.workEmail = 'emails.value';
  return {
    ...columns,
    id: '0190f2d4-5a7e-7000-8000-000000000001',
    managerId: BOSS,
    unresolvedManagerId: null,
    manager: { displayName: 'The Boss', userName: 'boss@acme.test' },
    version: 3,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    updatedAt: new Date('2024-01-02T00:00:00Z'),
  } as unknown as UserRow;
}

describe('a user read and written back', () => {
  it('keeps every column: the resource names each stored value as the column mapping reads it', () => {
    const row = fullRow();
    const columns = userColumns(canonicalUser(toUserResource(row, BASE)), true);
    const stored = Object.fromEntries([...Object.keys(SCIM_USER_TABLE), 'managerId'].map((c) => [c, (row as Record<string, unknown>)[c]]));
    expect(columns).toEqual(stored);
  });

  it('keeps an unresolved manager as sent', () => {
    const row = { ...fullRow(), managerId: null, manager: null, unresolvedManagerId: 'SuzzyQ' };
    expect(userColumns(canonicalUser(toUserResource(row, BASE))).managerId).toBe('SuzzyQ');
  });

  it("lists the columns in the statements' order", () => {
    expect(Object.keys(userColumns({ userName: 'u' }))).toEqual([...Object.keys(SCIM_USER_TABLE), 'managerId']);
  });
});

describe('/Schemas and the resource', () => {
  const resource = toUserResource(fullRow(), BASE);

  it('a full user shows every attribute /Schemas lists, in its order, after id and externalId', () => {
    const core = Object.keys(resource).filter((k) => !['schemas', 'id', 'externalId', 'meta', ENTERPRISE].includes(k));
    expect(Object.keys(resource).slice(0, 3)).toEqual(['schemas', 'id', 'externalId']);
    expect(core).toEqual(names(served(SCIM_SCHEMAS.user).attributes));
    expect(Object.keys(resource[ENTERPRISE] as object)).toEqual(names(served(SCIM_SCHEMAS.enterpriseUser).attributes));
    expect(resource.schemas).toEqual([SCIM_SCHEMAS.user, ENTERPRISE]);
  });

  it('complex values carry only the sub-attributes /Schemas lists, in its order', () => {
    for (const [values, attributes] of [
      [resource, served(SCIM_SCHEMAS.user).attributes],
      [resource[ENTERPRISE], served(SCIM_SCHEMAS.enterpriseUser).attributes],
    ] as const) {
      for (const attribute of attributes.filter((a) => a.type === 'complex')) {
        const value = (values as Record<string, unknown>)[attribute.name];
        const shown = Array.isArray(value) ? value : [value];
        for (const one of shown) expect(Object.keys(one as object), attribute.name).toEqual(names(attribute.subAttributes).filter((n) => n in (one as object)));
      }
    }
    expect(Object.keys(resource.name as object)).toEqual(names(served(SCIM_SCHEMAS.user).attributes.find((a) => a.name === 'name')!.subAttributes));
  });

  it('a group shows id, externalId, what /Schemas lists, then meta', () => {
    const group = {
      id: 'g1',
      tenantId: 't',
      displayName: 'Eng',
      externalId: 'x',
      description: null,
      version: 1,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    } as Group;
    const shown = toGroupResource(group, [], BASE);
    expect(Object.keys(shown)).toEqual(['schemas', 'id', 'externalId', ...names(served(SCIM_SCHEMAS.group).attributes), 'meta']);
  });

  it('leaves an empty externalId out of a group but not of a user (docs/scim.md#known-inconsistencies)', () => {
    const group = {
      id: 'g1',
      tenantId: 't',
      displayName: 'Eng',
      externalId: '',
      description: null,
      version: 1,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    } as Group;
    expect(toGroupResource(group, null, BASE)).not.toHaveProperty('externalId');
    expect(toUserResource({ ...fullRow(), externalId: '' }, BASE)).toHaveProperty('externalId', '');
  });
});

describe('/Schemas and what a client may write', () => {
  it('the PATCH model holds externalId and every attribute /Schemas lists that is not readOnly, with its sub-attributes', () => {
    const specs = (list: readonly { name: string; subAttributes?: readonly string[] }[]) => list.map((s) => [s.name, s.subAttributes ?? []]);
    const schema = (attributes: readonly SchemaAttribute[]) => writable(attributes).map((a) => [a.name, names(a.subAttributes)]);
    expect(specs(USER_DOCUMENT.core)).toEqual([['externalId', []], ...schema(served(SCIM_SCHEMAS.user).attributes)]);
    expect(specs(USER_DOCUMENT.extensions[ENTERPRISE])).toEqual(schema(served(SCIM_SCHEMAS.enterpriseUser).attributes));
    // Members are planned apart (groups/group-input.ts), never edited as a document.
    expect(specs(GROUP_DOCUMENT.core)).toEqual([
      ['externalId', []],
      ['displayName', []],
    ]);
  });

  it("a body naming every attribute in another case is read under /Schemas' names", () => {
    const user = served(SCIM_SCHEMAS.user).attributes;
    const shout = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toUpperCase(), v]));
    const body = Object.fromEntries(
      writable(user).map((a) => [
        a.name.toUpperCase(),
        a.multiValued ? [shout(element(a))] : a.type === 'complex' ? shout(element(a)) : a.type === 'boolean' ? true : 'x',
      ]),
    );
    const doc = canonicalUser({ ...body, [ENTERPRISE.toUpperCase()]: { COSTCENTER: 'c', MANAGER: { VALUE: BOSS } } });
    expect(Object.keys(doc)).toEqual([...names(writable(user)), ENTERPRISE]);
    expect(doc[ENTERPRISE]).toEqual({ costCenter: 'c', manager: { value: BOSS } });
    for (const a of user.filter((x) => x.type === 'complex')) {
      const value = doc[a.name] as Record<string, unknown> | Record<string, unknown>[];
      expect(Object.keys(Array.isArray(value) ? value[0] : value), a.name).toEqual(names(a.subAttributes));
    }
  });
});

describe('/Schemas and what a filter may name', () => {
  /** Every attribute and sub-attribute path /Schemas lists for a resource type, with its caseExact. */
  function paths(resource: 'User' | 'Group'): [string, SchemaAttribute][] {
    const ids = resource === 'User' ? [SCIM_SCHEMAS.user, SCIM_SCHEMAS.enterpriseUser] : [SCIM_SCHEMAS.group];
    return ids.flatMap((id) =>
      served(id).attributes.flatMap((a): [string, SchemaAttribute][] => [
        [a.name, a],
        ...(a.subAttributes ?? []).map((s): [string, SchemaAttribute] => [`${a.name}.${s.name}`, s]),
      ]),
    );
  }
  // What /Schemas lists but no filter reaches: references derived on read, and how a member is shown.
  const UNFILTERABLE = ['manager.$ref', 'manager.displayName', 'members.$ref', 'members.display', 'members.type'];

  it.each(['User', 'Group'] as const)('%s: every attribute /Schemas lists is filterable, but for the few that say why', (resource) => {
    const refused = paths(resource)
      .map(([path]) => path)
      .filter((path) => {
        try {
          compileFilter(parseScimFilter(`${path} pr`), resource, 2);
          return false;
        } catch {
          return true;
        }
      });
    expect(refused).toEqual(UNFILTERABLE.filter((p) => p.startsWith(resource === 'User' ? 'manager' : 'members')));
  });

  it('compares text as /Schemas says, but for the known exceptions (docs/scim.md#known-inconsistencies)', () => {
    const disagree: string[] = [];
    for (const [path, attribute] of paths('User')) {
      const resolved = resolveAttribute(path, 'User');
      if (!resolved || attribute.type === 'boolean' || attribute.type === 'complex') continue;
      const { attribute: target, sub } = resolved;
      const caseExact = target.kind === 'scalar' ? target.caseExact : target.kind === 'multi' ? target.subs[sub ?? 'value']?.caseExact : true;
      if (caseExact !== attribute.caseExact) disagree.push(path);
    }
    expect(disagree).toEqual(['photos.value', 'roles.value', 'manager.value']);
  });

  it('sorts by every filterable attribute /Schemas lists that is not complex', () => {
    for (const [path, attribute] of paths('User')) {
      if (attribute.type === 'complex' || UNFILTERABLE.includes(path)) continue;
      expect(() => compileSortBy(path, 'ascending', 'User'), path).not.toThrow();
    }
  });

  it("ORs `name pr` over the name columns in the table's order, as it always has", () => {
    const present = (c: string) => `(r."${c}" IS NOT NULL AND r."${c}" <> '')`;
    const inTable = ['nameFormatted', 'givenName', 'familyName', 'middleName', 'honorificPrefix', 'honorificSuffix'];
    expect(Object.keys(SCIM_USER_TABLE).filter((c) => inTable.includes(c))).toEqual(inTable);
    expect(compileFilter(parseScimFilter('name pr'), 'User', 2).sql).toBe(`(${inTable.map(present).join(' OR ')})`);
  });

  it("keeps the work email's indexed lookup", () => {
    expect(compileFilter(parseScimFilter('emails[type eq "work"].value eq "a@b"'), 'User', 2).sql).toBe('r."workEmail" = $2::citext');
    expect(SCIM_USER_TABLE.workEmail).toBe('citext');
  });
});

describe('the column mapping', () => {
  it('checks a body in the order it always has: required, shape, emails, then statement order', () => {
    const error = (body: Record<string, unknown>) => {
      try {
        userColumns(body);
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    };
    expect(error({ userName: 5, name: 'x' })).toBe('userName must be a string, not 5.');
    expect(error({ userName: 'u', name: 'x', emails: [1] })).toBe('name must be an object.');
    expect(error({ userName: 'u', externalId: 1, emails: [1] })).toMatch(/^emails\[0\]/);
    expect(error({ userName: 'u', name: { familyName: 2, givenName: 1 } })).toBe('name.givenName must be a string, not 1.');
    expect(error({ userName: 'u', roles: [1], title: 1 })).toBe('title must be a string, not 1.');
    expect(error({ userName: 'u', [ENTERPRISE]: { manager: 42, costCenter: 1 } })).toBe('costCenter must be a string, not 1.');
  });

  it('gives each column a value of its kind', () => {
    const columns: ScimUserValues = userColumns({ userName: 'u' });
    for (const [column, kind] of Object.entries(SCIM_USER_TABLE)) {
      const value = columns[column as keyof ScimUserValues];
      if (kind === 'boolean') expect(typeof value, column).toBe('boolean');
      else if (kind === 'jsonb') expect(value, column).toEqual([]);
      else if (column !== 'userName') expect(value, column).toBeNull();
    }
  });
});
