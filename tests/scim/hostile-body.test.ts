import { afterEach, describe, expect, it } from 'vitest';
import { ScimError } from '../../lib/scim/errors';
import { groupPatchPlan } from '../../lib/scim/groups/group-input';
import { readJsonBody, type ScimRequest } from '../../lib/scim/http';
import { MAX_JSON_DEPTH, MAX_MEMBERS_PER_REQUEST, MAX_PATCH_OPERATIONS, MAX_STRING_BYTES, MAX_VALUES_PER_ATTRIBUTE, SCIM_SCHEMAS } from '../../lib/scim/limits';
import { applyPatch } from '../../lib/scim/patch/apply-patch';
import { readPatchRequest } from '../../lib/scim/patch/patch-request';
import { jsonDepth, parseJsonBody } from '../../lib/scim/parse-json-body';
import { canonicalUser } from '../../lib/scim/users/user-attributes';
import { userColumns } from '../../lib/scim/users/user-columns';
import { USER_SCHEMA } from '../../lib/scim/users/user-service';

// The body reader and the PATCH engine, in process, against hostile bodies:
// what the protocol spec (tests/scim/protocol/hostile-input.test.ts) cannot see from
// outside, such as Object.prototype after a request, and exact limits.

const PATCH_OP = SCIM_SCHEMAS.patchOp;
const ID = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function requestWith(body: string | Uint8Array): ScimRequest {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    method: 'POST',
    url: new URL('http://scim.internal/Users'),
    header: (name) => (name === 'content-type' ? 'application/scim+json' : name === 'content-length' ? String(bytes.byteLength) : null),
    body: bytes,
    aborted: () => false,
  };
}

function scimErrorOf(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error('expected a ScimError');
}

afterEach(() => {
  // A polluted prototype would leak into every later test: say which one did it.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('parseJsonBody', () => {
  it('measures depth outside strings only', () => {
    expect(jsonDepth('{"a":[{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });

  it('refuses bodies nested past the limit, however deep, without recursion', () => {
    expect(parseJsonBody(new TextEncoder().encode(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`))).toBeInstanceOf(Array);
    for (const deep of [
      `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`,
      '['.repeat(500_000),
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    ]) {
      const error = scimErrorOf(() => parseJsonBody(new TextEncoder().encode(deep)));
      expect([error.status, error.scimType]).toEqual([400, 'invalidSyntax']);
      expect(error.detail).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
    }
  });

  it('refuses invalid UTF-8 and unpaired surrogate escapes rather than storing U+FFFD', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('{"userName":"a'), 0xc3, 0x28, ...new TextEncoder().encode('"}')]);
    expect(scimErrorOf(() => parseJsonBody(bytes)).scimType).toBe('invalidSyntax');
    for (const lone of ['"\\ud800"', '"\\udc00x"', '"x\\ud800\\ud800"']) {
      expect(scimErrorOf(() => parseJsonBody(new TextEncoder().encode(`{"title":${lone}}`))).scimType).toBe('invalidSyntax');
    }
    expect(parseJsonBody(new TextEncoder().encode('{"title":"\\ud83d\\ude00"}'))).toEqual({ title: '😀' });
  });

  it('refuses NUL in any string and any key, naming where', () => {
    for (const body of [
      '{"userName":"a\\u0000b"}',
      '{"emails":[{"value":"\\u0000"}]}',
      '{"Operations":[{"op":"add","path":"title\\u0000","value":"x"}]}',
      '{"a\\u0000":1}',
    ]) {
      const error = scimErrorOf(() => parseJsonBody(new TextEncoder().encode(body)));
      expect([error.status, error.scimType]).toEqual([400, 'invalidValue']);
      expect(error.detail).toContain('NUL');
    }
    expect(scimErrorOf(() => parseJsonBody(new TextEncoder().encode('{"userName":"a\\u0000b"}'))).detail).toContain('"userName"');
  });

  it('refuses strings longer than the limit in UTF-8 bytes, not characters', () => {
    expect(parseJsonBody(new TextEncoder().encode(JSON.stringify({ title: 'x'.repeat(MAX_STRING_BYTES) })))).toBeTruthy();
    expect(scimErrorOf(() => parseJsonBody(new TextEncoder().encode(JSON.stringify({ title: 'x'.repeat(MAX_STRING_BYTES + 1) })))).scimType).toBe(
      'invalidValue',
    );
    expect(scimErrorOf(() => parseJsonBody(new TextEncoder().encode(JSON.stringify({ title: 'é'.repeat(MAX_STRING_BYTES / 2 + 1) })))).scimType).toBe(
      'invalidValue',
    );
  });
});

describe('prototype pollution', () => {
  const hostile = [
    '{"__proto__":{"polluted":1},"userName":"p"}',
    '{"constructor":{"prototype":{"polluted":1}},"userName":"p"}',
    '{"userName":"p","name":{"__proto__":{"polluted":1}},"emails":[{"__proto__":{"polluted":1},"value":"a@b"}]}',
  ];

  it('drops __proto__, constructor and prototype keys from bodies', () => {
    for (const text of hostile) {
      const body = readJsonBody(requestWith(text));
      expect(JSON.stringify(body)).not.toContain('polluted');
      expect(userColumns(canonicalUser(body)).userName).toBe('p');
    }
  });

  it('PATCH paths and values naming the prototype are refused or change nothing', () => {
    const operations = [
      { op: 'add', path: '__proto__', value: { polluted: 1 } },
      { op: 'add', path: '__proto__.polluted', value: 1 },
      { op: 'add', path: 'constructor.prototype', value: { polluted: 1 } },
      { op: 'add', path: 'prototype', value: { polluted: 1 } },
      { op: 'replace', path: 'name.__proto__', value: { polluted: 1 } },
      { op: 'add', path: 'emails[__proto__ eq "x"].value', value: 'a@b' },
      { op: 'add', path: 'emails[type eq "work"].__proto__', value: { polluted: 1 } },
      { op: 'add', path: `${SCIM_SCHEMAS.enterpriseUser}:__proto__`, value: { polluted: 1 } },
      { op: 'add', value: { '__proto__.polluted': 1, 'constructor.prototype.polluted': 1, [SCIM_SCHEMAS.enterpriseUser]: { constructor: { polluted: 1 } } } },
    ];
    // As the server receives them: text, through the body reader (a JavaScript literal cannot hold a "__proto__" key).
    const texts = [
      ...operations.map((operation) => JSON.stringify({ schemas: [PATCH_OP], Operations: [operation] })),
      '{"Operations":[{"op":"replace","path":"name","value":{"__proto__":{"polluted":1}}}]}',
      '{"Operations":[{"op":"add","value":{"__proto__":{"polluted":1},"emails":[{"__proto__":{"polluted":1}}]}}]}',
    ];
    for (const text of texts) {
      const body = readJsonBody(requestWith(text));
      for (const run of [
        () => userColumns(applyPatch({ userName: 'p', emails: [{ value: 'w@b', type: 'work' }] }, readPatchRequest(body), USER_SCHEMA)),
        () => groupPatchPlan({ displayName: 'g', externalId: null }, body),
      ]) {
        try {
          expect(JSON.stringify(run())).not.toContain('polluted');
        } catch (error) {
          expect(error, text).toBeInstanceOf(ScimError);
          expect((error as ScimError).status).toBe(400);
        }
        expect(({} as Record<string, unknown>).polluted, text).toBeUndefined();
      }
    }
  });
});

describe('bounded work', () => {
  it('refuses a PATCH with more operations than the limit with 413, in linear time', () => {
    const started = performance.now();
    const error = scimErrorOf(() => readPatchRequest({ Operations: Array.from({ length: 100_000 }, () => ({ op: 'add', path: 'title', value: 'x' })) }));
    expect(error.status).toBe(413);
    expect(error.detail).toContain(`at most ${MAX_PATCH_OPERATIONS} operations`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses too many members in one value, or across the operations of one PATCH, with 413', () => {
    const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ value: ID(from + i) }));
    expect(scimErrorOf(() => groupPatchPlan(null, { Operations: [{ op: 'add', path: 'members', value: ids(0, MAX_MEMBERS_PER_REQUEST + 1) }] })).status).toBe(
      413,
    );
    const split = Array.from({ length: 11 }, (_, k) => ({ op: 'add', path: 'members', value: ids(k * 1_000, 1_000) }));
    expect(scimErrorOf(() => groupPatchPlan(null, { Operations: split })).detail).toContain('this one names 11000');
    expect(groupPatchPlan(null, { Operations: split.slice(0, 10) }).add).toHaveLength(10_000);
  });

  it('plans the largest member PATCH in linear time', () => {
    const half = MAX_MEMBERS_PER_REQUEST / 2;
    const ids = (from: number) => Array.from({ length: half }, (_, i) => ({ value: ID(from + i) }));
    const started = performance.now();
    const plan = groupPatchPlan(null, {
      Operations: [
        { op: 'remove', path: 'members', value: ids(0) },
        { op: 'add', path: 'members', value: ids(0) },
        { op: 'add', path: 'members', value: ids(half) },
      ],
    });
    expect(plan.remove).toEqual([]);
    expect(plan.add).toHaveLength(MAX_MEMBERS_PER_REQUEST);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses more values than the limit in a multi-valued attribute, on POST and in a PATCH, before merging them', () => {
    const emails = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `u${i}@x.test` }));
    expect(userColumns(canonicalUser({ userName: 'u', emails: emails(MAX_VALUES_PER_ATTRIBUTE) })).emails).toHaveLength(MAX_VALUES_PER_ATTRIBUTE);
    expect(scimErrorOf(() => userColumns(canonicalUser({ userName: 'u', emails: emails(MAX_VALUES_PER_ATTRIBUTE + 1) }))).status).toBe(413);
    const started = performance.now();
    const error = scimErrorOf(() =>
      applyPatch({ userName: 'u' }, readPatchRequest({ Operations: [{ op: 'add', path: 'emails', value: emails(50_000) }] }), USER_SCHEMA),
    );
    expect([error.status, error.detail]).toEqual([413, `emails may hold at most ${MAX_VALUES_PER_ATTRIBUTE} values; this request gives it 50000.`]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
