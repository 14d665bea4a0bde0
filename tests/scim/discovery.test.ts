import { describe, expect, it } from 'vitest';
import type { SchemaAttribute } from '../../lib/scim/discovery/attribute';
import { listResponse } from '../../lib/scim/list-response';
import { findResourceType, resourceTypes } from '../../lib/scim/discovery/resource-types';
import { findSchema, schemaDocuments } from '../../lib/scim/discovery/schemas';
import { serviceProviderConfig } from '../../lib/scim/discovery/service-provider-config';
import { MAX_PAGE_SIZE, SCIM_SCHEMAS } from '../../lib/scim/limits';

const BASE = 'https://acme.theorgwiki.com/api/v2/scim/v2';

// RFC 7643 §7: the characteristics and their allowed values.
const TYPES = ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'binary', 'reference', 'complex'];
const MUTABILITY = ['readOnly', 'readWrite', 'immutable', 'writeOnly'];
const RETURNED = ['always', 'never', 'default', 'request'];
const UNIQUENESS = ['none', 'server', 'global'];
const BOOLEANS = ['multiValued', 'required', 'caseExact'] as const;
const KNOWN_KEYS = new Set([
  'name',
  'type',
  'multiValued',
  'description',
  'required',
  'caseExact',
  'mutability',
  'returned',
  'uniqueness',
  'subAttributes',
  'canonicalValues',
  'referenceTypes',
]);
// RFC 7643 §2.1 ATTRNAME, plus "$ref" (§2.3.7).
const ATTRNAME = /^(\$ref|[A-Za-z][A-Za-z0-9_-]*)$/;

/** Every problem with one level of attribute definitions, as readable strings. */
function attributeProblems(attributes: readonly SchemaAttribute[], path: string, nested = false): string[] {
  const problems: string[] = [];
  const names = attributes.map((a) => a.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push(`${path}: duplicate attribute names`);
  for (const a of attributes) {
    const at = `${path}.${a.name}`;
    const unknown = Object.keys(a).filter((key) => !KNOWN_KEYS.has(key));
    if (unknown.length) problems.push(`${at}: unknown keys ${unknown.join()}`);
    if (!ATTRNAME.test(a.name)) problems.push(`${at}: bad name`);
    if (!TYPES.includes(a.type)) problems.push(`${at}: type ${a.type}`);
    if (!MUTABILITY.includes(a.mutability)) problems.push(`${at}: mutability ${a.mutability}`);
    if (!RETURNED.includes(a.returned)) problems.push(`${at}: returned ${a.returned}`);
    if (!UNIQUENESS.includes(a.uniqueness)) problems.push(`${at}: uniqueness ${a.uniqueness}`);
    for (const key of BOOLEANS) if (typeof a[key] !== 'boolean') problems.push(`${at}: ${key} not boolean`);
    if (typeof a.description !== 'string' || !a.description.trim()) problems.push(`${at}: no description`);
    if (/\s{2}|\n/.test(a.description)) problems.push(`${at}: description has runs of whitespace`);
    const isComplex = a.type === 'complex';
    if (isComplex !== (a.subAttributes !== undefined)) problems.push(`${at}: subAttributes iff complex`);
    if (isComplex && !a.subAttributes?.length) problems.push(`${at}: complex without sub-attributes`);
    // §2.3.8: a complex attribute MUST NOT contain sub-attributes that have sub-attributes.
    if (nested && isComplex) problems.push(`${at}: complex sub-attribute`);
    if ((a.type === 'reference') !== (a.referenceTypes !== undefined)) problems.push(`${at}: referenceTypes iff reference`);
    for (const list of [a.referenceTypes, a.canonicalValues]) {
      if (list === undefined) continue;
      if (!list.length || list.some((v) => typeof v !== 'string' || !v) || new Set(list).size !== list.length) {
        problems.push(`${at}: empty, blank or repeated values in ${JSON.stringify(list)}`);
      }
    }
    if (a.subAttributes) problems.push(...attributeProblems(a.subAttributes, at, true));
  }
  return problems;
}

/** Paths of every null or undefined value, however deep. */
function nullPaths(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${path}[${i}]`));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nullPaths(item, `${path}.${key}`));
  }
  return [];
}

function namesOf(attributes: readonly SchemaAttribute[] | undefined): string[] {
  return (attributes ?? []).map((a) => a.name);
}

function attributeNamed(attributes: readonly SchemaAttribute[], name: string): SchemaAttribute {
  const found = attributes.find((a) => a.name === name);
  if (!found) throw new Error(`no attribute ${name}`);
  return found;
}

describe('the checks themselves', () => {
  it('catch a bad definition and a null', () => {
    const bad = {
      name: 'x y',
      type: 'complex',
      multiValued: 'no',
      description: 'a  b',
      required: false,
      caseExact: false,
      mutability: 'readwrite',
      returned: 'default',
      uniqueness: 'none',
      canonicalValues: [],
      referenceTypes: ['User'],
    } as unknown as SchemaAttribute;
    expect(attributeProblems([bad], 'T')).toHaveLength(8);
    expect(nullPaths({ a: [1, { b: null }], c: undefined })).toEqual(['$.a[1].b', '$.c']);
  });
});

describe('schema documents', () => {
  const documents = schemaDocuments(BASE);

  it('serves the core User, Enterprise User and core Group schemas', () => {
    expect(documents.map((d) => [d.id, d.name])).toEqual([
      [SCIM_SCHEMAS.user, 'User'],
      [SCIM_SCHEMAS.enterpriseUser, 'EnterpriseUser'],
      [SCIM_SCHEMAS.group, 'Group'],
    ]);
    for (const document of documents) {
      expect(document.schemas).toEqual([SCIM_SCHEMAS.schema]);
      expect(document.description).not.toBe('');
      expect(document.meta).toEqual({ resourceType: 'Schema', location: `${BASE}/Schemas/${document.id}` });
    }
  });

  it.each(documents.map((d) => [d.name, d] as const))('%s: every attribute definition is complete and valid', (_, document) => {
    expect(document.attributes.length).toBeGreaterThan(0);
    expect(attributeProblems(document.attributes, document.name)).toEqual([]);
  });

  it('lists the supported User attributes and nothing unsupported', () => {
    const user = documents[0];
    expect(namesOf(user.attributes)).toEqual([
      'userName',
      'name',
      'displayName',
      'nickName',
      'profileUrl',
      'title',
      'userType',
      'preferredLanguage',
      'locale',
      'timezone',
      'active',
      'emails',
      'phoneNumbers',
      'addresses',
      'photos',
      'roles',
    ]);
    expect(namesOf(attributeNamed(user.attributes, 'name').subAttributes)).toEqual([
      'formatted',
      'familyName',
      'givenName',
      'middleName',
      'honorificPrefix',
      'honorificSuffix',
    ]);
    expect(namesOf(attributeNamed(user.attributes, 'addresses').subAttributes)).toEqual([
      'formatted',
      'streetAddress',
      'locality',
      'region',
      'postalCode',
      'country',
      'type',
      'primary',
    ]);
    for (const multi of ['emails', 'phoneNumbers', 'photos', 'roles']) {
      expect(namesOf(attributeNamed(user.attributes, multi).subAttributes)).toEqual(['value', 'display', 'type', 'primary']);
    }
  });

  it('declares userName required, unique and case-insensitive', () => {
    expect(attributeNamed(documents[0].attributes, 'userName')).toMatchObject({
      required: true,
      caseExact: false,
      uniqueness: 'server',
      mutability: 'readWrite',
    });
  });

  it('gives the RFC canonical type values', () => {
    const user = documents[0].attributes;
    const typeValues = (name: string) => attributeNamed(attributeNamed(user, name).subAttributes ?? [], 'type').canonicalValues;
    expect(typeValues('emails')).toEqual(['work', 'home', 'other']);
    expect(typeValues('phoneNumbers')).toEqual(['work', 'home', 'mobile', 'fax', 'pager', 'other']);
    expect(typeValues('addresses')).toEqual(['work', 'home', 'other']);
    expect(typeValues('photos')).toEqual(['photo', 'thumbnail']);
    expect(typeValues('roles')).toBeUndefined();
  });

  it('lists the Enterprise User attributes with the manager as a complex reference', () => {
    const enterprise = documents[1].attributes;
    expect(namesOf(enterprise)).toEqual(['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager']);
    const manager = attributeNamed(enterprise, 'manager');
    expect(manager).toMatchObject({ type: 'complex', multiValued: false });
    expect(namesOf(manager.subAttributes)).toEqual(['value', '$ref', 'displayName']);
    expect(attributeNamed(manager.subAttributes ?? [], '$ref').referenceTypes).toEqual(['User']);
    expect(attributeNamed(manager.subAttributes ?? [], 'displayName').mutability).toBe('readOnly');
  });

  it('declares the Group displayName unique and its members as users', () => {
    const group = documents[2].attributes;
    expect(namesOf(group)).toEqual(['displayName', 'members']);
    expect(attributeNamed(group, 'displayName')).toMatchObject({ required: true, caseExact: false, uniqueness: 'server' });
    const members = attributeNamed(group, 'members');
    expect(members).toMatchObject({ type: 'complex', multiValued: true });
    expect(namesOf(members.subAttributes)).toEqual(['value', '$ref', 'display', 'type']);
  });

  it('finds a schema by URN case-insensitively, and null for an unknown one', () => {
    expect(findSchema(BASE, SCIM_SCHEMAS.user)?.name).toBe('User');
    expect(findSchema(BASE, SCIM_SCHEMAS.enterpriseUser.toUpperCase())?.id).toBe(SCIM_SCHEMAS.enterpriseUser);
    expect(findSchema(BASE, 'urn:IETF:params:scim:schemas:core:2.0:group')?.id).toBe(SCIM_SCHEMAS.group);
    expect(findSchema(BASE, 'urn:ietf:params:scim:schemas:core:2.0:Widget')).toBeNull();
    expect(findSchema(BASE, 'User')).toBeNull();
    expect(findSchema(BASE, '')).toBeNull();
  });
});

describe('resource types', () => {
  const types = resourceTypes(BASE);

  it('serves User with the optional Enterprise extension, and Group', () => {
    expect(types).toEqual([
      {
        schemas: [SCIM_SCHEMAS.resourceType],
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        description: 'User Account',
        schema: SCIM_SCHEMAS.user,
        schemaExtensions: [{ schema: SCIM_SCHEMAS.enterpriseUser, required: false }],
        meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/User` },
      },
      {
        schemas: [SCIM_SCHEMAS.resourceType],
        id: 'Group',
        name: 'Group',
        endpoint: '/Groups',
        description: 'Group',
        schema: SCIM_SCHEMAS.group,
        meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/Group` },
      },
    ]);
  });

  it('names only schemas that /Schemas serves', () => {
    const served = new Set(schemaDocuments(BASE).map((d) => d.id));
    for (const type of types) {
      for (const schema of [type.schema, ...(type.schemaExtensions ?? []).map((e) => e.schema)]) {
        expect(served.has(schema)).toBe(true);
      }
    }
  });

  it('finds a resource type case-insensitively, and null for an unknown one', () => {
    expect(findResourceType(BASE, 'User')?.endpoint).toBe('/Users');
    expect(findResourceType(BASE, 'user')?.endpoint).toBe('/Users');
    expect(findResourceType(BASE, 'GROUP')?.endpoint).toBe('/Groups');
    expect(findResourceType(BASE, 'Users')).toBeNull();
    expect(findResourceType(BASE, 'ServiceProviderConfig')).toBeNull();
    expect(findResourceType(BASE, '')).toBeNull();
  });
});

describe('service provider config', () => {
  const config = serviceProviderConfig(BASE);

  it('advertises what the server does, with the limits of limits.ts', () => {
    expect(config.schemas).toEqual([SCIM_SCHEMAS.serviceProviderConfig]);
    expect(config.patch).toEqual({ supported: true });
    expect(config.bulk).toEqual({ supported: false, maxOperations: 0, maxPayloadSize: 0 });
    expect(config.filter).toEqual({ supported: true, maxResults: MAX_PAGE_SIZE });
    expect(config.changePassword).toEqual({ supported: false });
    expect(config.sort).toEqual({ supported: true });
    expect(config.etag).toEqual({ supported: true });
    expect(config.meta).toEqual({ resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` });
  });

  it('offers one primary bearer-token scheme', () => {
    expect(config.authenticationSchemes).toHaveLength(1);
    expect(config.authenticationSchemes[0]).toMatchObject({
      type: 'oauthbearertoken',
      name: 'OAuth Bearer Token',
      primary: true,
    });
    expect(config.authenticationSchemes[0].description).toContain('Service Accounts');
  });

  it('carries no id: RFC 7643 §5 does not give it one', () => {
    expect(config).not.toHaveProperty('id');
  });
});

describe('locations', () => {
  it('are built from the base URL, with or without a trailing slash', () => {
    const other = 'http://globex.localhost:3000/api/v2/scim/v2';
    for (const base of [other, `${other}/`]) {
      expect(serviceProviderConfig(base).meta.location).toBe(`${other}/ServiceProviderConfig`);
      expect(findResourceType(base, 'group')?.meta.location).toBe(`${other}/ResourceTypes/Group`);
      expect(findSchema(base, SCIM_SCHEMAS.group)?.meta.location).toBe(`${other}/Schemas/${SCIM_SCHEMAS.group}`);
    }
  });
});

describe('no nulls anywhere', () => {
  const payloads = {
    schemas: schemaDocuments(BASE),
    resourceTypes: resourceTypes(BASE),
    serviceProviderConfig: serviceProviderConfig(BASE),
    emptyList: listResponse([], 0, 1),
  };

  it.each(Object.entries(payloads))('%s', (_, payload) => {
    expect(nullPaths(payload)).toEqual([]);
    // What is sent is exactly what was built: nothing dropped or changed by JSON.
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });
});

describe('listResponse', () => {
  it('wraps a page with its counts', () => {
    expect(listResponse([{ id: 'a' }, { id: 'b' }], 7, 3)).toEqual({
      schemas: [SCIM_SCHEMAS.listResponse],
      totalResults: 7,
      startIndex: 3,
      itemsPerPage: 2,
      Resources: [{ id: 'a' }, { id: 'b' }],
    });
  });

  it('keeps Resources when empty, as Test Connection expects', () => {
    const body = JSON.parse(JSON.stringify(listResponse([], 0, 1)));
    expect(body).toEqual({
      schemas: [SCIM_SCHEMAS.listResponse],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('serves the discovery lists', () => {
    const documents = schemaDocuments(BASE);
    const list = listResponse(documents, documents.length, 1);
    expect(list).toMatchObject({ totalResults: 3, itemsPerPage: 3, startIndex: 1 });
    expect(list.Resources.map((d) => d.id)).toEqual(documents.map((d) => d.id));
  });
});
