import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../../lib/scim/errors';
import { compileFilter, compileSortBy } from '../../lib/scim/filter/compile-filter';
import { parseScimFilter } from '../../lib/scim/filter/parse-filter';
import { MAX_FILTER_LENGTH } from '../../lib/scim/limits';

// Parsing and SQL generation without a database; filter-sql.test.ts runs the SQL.

function expectScim400(run: () => unknown, scimType = 'invalidFilter'): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(400);
    expect((error as ScimError).scimType).toBe(scimType);
    return;
  }
  throw new Error('expected a ScimError 400');
}

describe('parseScimFilter', () => {
  it('parses operators and logical words in any case', () => {
    expect(parseScimFilter('userName EQ "Pat" AnD NOT (title Pr)')).toEqual({
      op: 'and',
      filters: [
        { op: 'eq', attrPath: 'userName', compValue: 'Pat' },
        { op: 'not', filter: { op: 'pr', attrPath: 'title' } },
      ],
    });
  });

  it('keeps a sub-attribute after a value path inside the same element (Entra)', () => {
    const expected = {
      op: '[]',
      attrPath: 'emails',
      valFilter: {
        op: 'and',
        filters: [
          { op: 'eq', attrPath: 'type', compValue: 'work' },
          { op: 'eq', attrPath: 'value', compValue: 'pat@example.com' },
        ],
      },
    };
    expect(parseScimFilter('emails[type eq "work"].value eq "pat@example.com"')).toEqual(expected);
    expect(parseScimFilter('emails[type eq "work" and value eq "pat@example.com"]')).toEqual(expected);
    // The value filter keeps its own precedence.
    const either = parseScimFilter('emails[type eq "work" or type eq "home"].value pr') as { valFilter: { filters: { op: string }[] } };
    expect(either.valFilter.filters.map((f) => f.op)).toEqual(['or', 'pr']);
  });

  it('quotes unquoted values only when the filter needs it (Entra)', () => {
    expect(parseScimFilter('externalId eq jyoung')).toEqual({ op: 'eq', attrPath: 'externalId', compValue: 'jyoung' });
    expect(parseScimFilter('userName eq jyoung@contoso.com and (externalId eq 0042)')).toEqual({
      op: 'and',
      filters: [
        { op: 'eq', attrPath: 'userName', compValue: 'jyoung@contoso.com' },
        { op: 'eq', attrPath: 'externalId', compValue: '0042' },
      ],
    });
    expect(parseScimFilter('emails[type eq work].value eq pat@example.com')).toMatchObject({ attrPath: 'emails' });
    expect(parseScimFilter('active eq true and title eq null and externalId eq 42')).toEqual({
      op: 'and',
      filters: [
        { op: 'eq', attrPath: 'active', compValue: true },
        { op: 'eq', attrPath: 'title', compValue: null },
        { op: 'eq', attrPath: 'externalId', compValue: 42 },
      ],
    });
  });

  it('decodes JSON string escapes (RFC 7644 §3.4.2.2 values are JSON)', () => {
    const value = (filter: string) => (parseScimFilter(filter) as { compValue: unknown }).compValue;
    expect(value(String.raw`externalId eq "CONTOSO\\jyoung"`)).toBe('CONTOSO\\jyoung');
    expect(value(String.raw`title eq "say \"hi\" \u00e9"`)).toBe('say "hi" é');
    expect(value(String.raw`externalId eq CONTOSO\jyoung`)).toBe('CONTOSO\\jyoung');
  });

  it('refuses malformed, oversized and over-nested filters with 400 invalidFilter', () => {
    for (const bad of [
      '',
      'userName',
      'userName eq',
      'userName eq "unterminated',
      '(userName eq "x"',
      'userName xx "x"',
      'userName eq "x" and',
      String.raw`title eq "bad \q escape"`,
      'emails[type eq "work"',
      `${'('.repeat(40)}title pr${')'.repeat(40)}`,
      `${'not '.repeat(40)}title pr`,
      Array.from({ length: 201 }, () => 'title pr').join(' or '),
      `title eq "${'x'.repeat(MAX_FILTER_LENGTH)}"`,
    ]) {
      expectScim400(() => parseScimFilter(bad));
    }
  });
});

describe('compileFilter', () => {
  const compile = (filter: string, resource: 'User' | 'Group' = 'User') => compileFilter(parseScimFilter(filter), resource, 2);

  it('binds every value and numbers placeholders from firstParam', () => {
    const { sql, params } = compileFilter(parseScimFilter(`title eq "x') OR 1=1 --" or displayName co "y"`), 'User', 5);
    expect(params).toEqual(["x') OR 1=1 --", 'y']);
    expect(sql).toContain('$5');
    expect(sql).toContain('$6');
    expect(sql).not.toContain('1=1');
  });

  it("compiles Entra's work-email lookup to the indexed column, in any order and case", () => {
    for (const filter of [
      'emails[type eq "work"].value eq "pat@example.com"',
      'EMAILS[Value EQ "pat@example.com" AND TYPE eq "Work"]',
      'urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work" and value eq "pat@example.com"]',
    ]) {
      expect(compile(filter)).toEqual({ sql: 'r."workEmail" = $2::citext', params: ['pat@example.com'] });
    }
    expect(compile('emails[type eq "home" and value eq "pat@example.com"]').sql).toContain('jsonb_array_elements');
  });

  it('uses the uuid and citext indexes for equality', () => {
    const id = '0190f3a2-7b1c-7d4e-8f00-123456789abc';
    expect(compile(`id eq "${id}"`).sql).toBe('r."id" = $2::uuid');
    expect(compile('userName eq "Pat"').sql).toBe('r."userName" = $2::citext');
    expect(compile('displayName eq "Sales"', 'Group').sql).toBe('r."displayName" = $2::citext');
    expect(compile(`members[value eq "${id}"]`, 'Group').sql).toContain('gm."userId" = $2::uuid');
  });

  it('refuses unknown attributes, naming them, and operators that do not fit', () => {
    for (const [filter, resource] of [
      ['nosuch eq "x"', 'User'],
      ['name.nosuch eq "x"', 'User'],
      ['emails.nosuch eq "x"', 'User'],
      ['members eq "x"', 'User'],
      ['userName eq "x"', 'Group'],
      ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq "x"', 'User'],
      ['urn:example:custom:badge eq "x"', 'User'],
      ['emails[nosuch eq "x"]', 'User'],
      ['emails[constructor eq "x"]', 'User'],
      ['emails.__proto__ pr', 'User'],
      ['toString eq "x"', 'User'],
      ['members[display eq "x"]', 'Group'],
      ['name eq "x"', 'User'],
      ['addresses eq "x"', 'User'],
      ['title[value eq "x"]', 'User'],
      ['active gt true', 'User'],
      ['active eq "yes"', 'User'],
      ['title gt null', 'User'],
      ['meta.created co "2024"', 'User'],
      ['meta.created gt "yesterday"', 'User'],
      ['meta.created gt "2024-02-30T00:00:00Z"', 'User'],
      ['meta.lastModified lt 2024', 'User'],
    ] as const) {
      expectScim400(() => compile(filter, resource));
    }
    expect(() => compile('nosuch eq "x"')).toThrow(/nosuch/);
  });

  it('compiles sortBy for scalar and multi-valued attributes and refuses unknown ones', () => {
    expect(compileSortBy('userName', 'ascending', 'User').sql).toBe('lower(r."userName"::text) COLLATE "C" ASC NULLS LAST');
    expect(compileSortBy('meta.created', 'descending', 'Group').sql).toBe('r."createdAt" DESC NULLS FIRST');
    expect(compileSortBy('emails', 'ascending', 'User').sql).toContain('WITH ORDINALITY');
    expectScim400(() => compileSortBy('nosuch', 'ascending', 'User'), 'invalidValue');
    expectScim400(() => compileSortBy('members', 'ascending', 'Group'), 'invalidValue');
  });
});

describe('random input', () => {
  const words = ['userName', 'title', 'emails', 'members', 'value', 'type', 'name.givenName', 'meta.created', 'active', 'id'];
  const operators = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr', 'and', 'or', 'not'];
  const pieces = fc.oneof(
    fc.constantFrom(...words, ...operators, '(', ')', '[', ']', '].', '"', '\\', ' ', 'true', 'null', '42', '"2024-01-01"'),
    fc.string({ maxLength: 6 }),
  );
  const filterish = fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join(' '));

  it('never makes the parser or compiler throw anything but ScimError 400', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), filterish), fc.constantFrom('User' as const, 'Group' as const), (input, resource) => {
        try {
          compileFilter(parseScimFilter(input), resource, 2);
        } catch (error) {
          if (!(error instanceof ScimError) || error.status !== 400 || error.scimType !== 'invalidFilter') throw error;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
