import type { Filter } from 'scim2-parse-filter';
import { complexChildren, elementOperand, jsonArray, resolveAttribute, type MultiValued, type Operand, type ScimResource } from './attributes';
import { CANONICAL_UUID, invalidFilter, quote, toBoolean, toText, toTimestamp, type CompValue } from './filter-values';

// A parsed SCIM filter (RFC 7644 §3.4.2.2) as a PostgreSQL condition over the
// row alias r. Every client value is a bind parameter; the SQL text is built
// only from the attribute map. Semantics worth knowing:
// - A missing value (NULL, or '' for text) matches no comparison except `ne`:
//   "absent is not equal to x", so `title ne "x"` includes people without a title.
//   `eq null` means absent, `ne null` means present.
// - `not` turns SQL's unknown into false first, so `not (title eq "x")` also
//   includes people without a title, as RFC 7644 reads.
// - Text ignores case unless RFC 7643 marks the attribute caseExact; ordering
//   compares code points (COLLATE "C"), as JavaScript and most SCIM clients do.

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

type Compare = Extract<Filter, { compValue: unknown }>;
type CompareOp = Compare['op'];

const SQL_ORDER: Partial<Record<CompareOp, string>> = { gt: '>', ge: '>=', lt: '<', le: '<=' };

/** Where a name inside a filter points: the row, one element of a multi-valued attribute, one membership, or a complex attribute. */
type Scope = { kind: 'row' } | { kind: 'element'; attribute: MultiValued; path: string } | { kind: 'members' } | { kind: 'complex'; path: string };

type Target =
  | { kind: 'operand'; operand: Operand }
  | { kind: 'element'; attribute: MultiValued; sub?: string }
  | { kind: 'members' }
  | { kind: 'complex'; children: string[] };

export function compileFilter(filter: Filter, resource: ScimResource, firstParam: number): SqlFragment {
  const params: string[] = [];
  const bind = (value: string) => {
    // PostgreSQL text cannot hold NUL; binding it would fail the query (a 500) rather than the filter.
    if (value.includes('\u0000')) throw invalidFilter('A filter value may not contain the NUL character.');
    return `$${firstParam + params.push(value) - 1}`;
  };
  return { sql: new FilterCompiler(resource, bind).node(filter, { kind: 'row' }), params };
}

class FilterCompiler {
  constructor(
    private readonly resource: ScimResource,
    private readonly bind: (value: string) => string,
  ) {}

  node(filter: Filter, scope: Scope): string {
    switch (filter.op) {
      case 'and':
      case 'or':
        return `(${filter.filters.map((f) => this.node(f, scope)).join(` ${filter.op.toUpperCase()} `)})`;
      case 'not':
        return `NOT COALESCE(${this.node(filter.filter, scope)}, false)`;
      case '[]':
        return this.valuePath(filter.attrPath, filter.valFilter, scope);
      case 'pr':
        return this.present(this.target(filter.attrPath, scope));
      case 'eq':
      case 'ne':
      case 'co':
      case 'sw':
      case 'ew':
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le':
        return this.compare(this.target(filter.attrPath, scope), filter.op, filter.compValue, filter.attrPath);
      default:
        throw invalidFilter(`Unsupported filter operator ${quote((filter as { op: unknown }).op)}.`);
    }
  }

  private valuePath(path: string, valFilter: Filter, scope: Scope): string {
    if (scope.kind !== 'row') throw invalidFilter(`A value filter cannot be nested inside another (${quote(path)}).`);
    const target = this.target(path, scope);
    if (target.kind === 'element' && !target.sub) {
      return (
        this.typedValue(target.attribute, valFilter) ??
        this.exists(target.attribute, this.node(valFilter, { kind: 'element', attribute: target.attribute, path }))
      );
    }
    if (target.kind === 'members') return this.membership(this.node(valFilter, { kind: 'members' }));
    if (target.kind === 'complex' || (target.kind === 'operand' && complexChildren(path, this.resource).length > 0)) {
      return this.node(valFilter, { kind: 'complex', path });
    }
    throw invalidFilter(`${quote(path)} has no sub-attributes to filter on.`);
  }

  /**
   * Entra looks users up by `emails[type eq "work"].value eq "x"` (Microsoft's SCIM tutorial, https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups);
   * the row keeps that address in an indexed citext column (the registry's `typed`: "workEmail").
   */
  private typedValue(attribute: MultiValued, valFilter: Filter): string | undefined {
    const typed = attribute.typed;
    if (!typed || valFilter.op !== 'and' || valFilter.filters.length !== 2) return undefined;
    const eq = (name: string) =>
      valFilter.filters.find((f): f is Compare => f.op === 'eq' && f.attrPath.toLowerCase() === name && typeof f.compValue === 'string');
    const type = eq('type');
    const value = eq('value');
    if (!type || !value || String(type.compValue).toLowerCase() !== typed.type) return undefined;
    return `r."${typed.column}" = ${this.bind(String(value.compValue))}::citext`;
  }

  private target(path: string, scope: Scope): Target {
    const unknown = () => invalidFilter(`Unknown attribute ${quote(path)} in filter.`);
    if (scope.kind === 'element') {
      const sub = scope.attribute.subs[path.toLowerCase()];
      if (!sub) throw invalidFilter(`Unknown attribute ${quote(path)} in the value filter of ${quote(scope.path)}.`);
      return { kind: 'operand', operand: elementOperand(scope.attribute, path.toLowerCase()) };
    }
    if (scope.kind === 'members') {
      if (path.toLowerCase() !== 'value') throw invalidFilter(`Members can be filtered by "value" only, not ${quote(path)}.`);
      return { kind: 'operand', operand: MEMBER_ID };
    }
    const fullPath = scope.kind === 'complex' ? `${scope.path}.${path}` : path;
    const resolved = resolveAttribute(fullPath, this.resource);
    if (!resolved) {
      const children = complexChildren(fullPath, this.resource);
      if (children.length === 0) throw unknown();
      return { kind: 'complex', children };
    }
    const { attribute, sub } = resolved;
    if (attribute.kind === 'scalar') return { kind: 'operand', operand: attribute };
    if (attribute.kind === 'members') {
      if (sub !== undefined && sub !== 'value') throw unknown();
      return { kind: 'members' };
    }
    if (sub !== undefined && !attribute.subs[sub]) throw unknown();
    return { kind: 'element', attribute, sub };
  }

  private present(target: Target): string {
    switch (target.kind) {
      case 'operand':
        return presence(target.operand);
      case 'members':
        return this.membership('true');
      case 'complex':
        return `(${target.children.map((child) => this.present(this.target(child, { kind: 'row' }))).join(' OR ')})`;
      case 'element':
        if (!target.sub) return `jsonb_array_length(${jsonArray(target.attribute)}) > 0`;
        return this.exists(target.attribute, presence(elementOperand(target.attribute, target.sub)));
    }
  }

  private compare(target: Target, op: CompareOp, value: CompValue, path: string): string {
    switch (target.kind) {
      case 'operand':
        return this.compareOperand(target.operand, op, value, path);
      case 'members':
        return this.membership(this.compareOperand(MEMBER_ID, op, value, path));
      case 'complex':
        throw invalidFilter(`${quote(path)} is a complex attribute; compare one of its sub-attributes.`);
      case 'element': {
        // RFC 7644 §3.4.2.2: `emails eq "x"` compares each email's value.
        const sub = target.sub ?? 'value';
        if (!target.attribute.subs[sub]) throw invalidFilter(`${quote(path)} has no value; compare one of its sub-attributes.`);
        return this.exists(target.attribute, this.compareOperand(elementOperand(target.attribute, sub), op, value, path));
      }
    }
  }

  private compareOperand(operand: Operand, op: CompareOp, value: CompValue, path: string): string {
    const { sql, type } = operand;
    const refuse = () => invalidFilter(`The operator "${op}" does not apply to ${quote(path)} with value ${quote(value)}.`);
    if (value === null) {
      if (op === 'eq') return `NOT ${presence(operand)}`;
      if (op === 'ne') return presence(operand);
      throw refuse();
    }
    if (type === 'boolean') {
      if (op !== 'eq' && op !== 'ne') throw refuse();
      return equality(sql, op, `${this.bind(String(toBoolean(value, path)))}::boolean`);
    }
    if (type === 'timestamp') {
      const param = `${this.bind(toTimestamp(value, path))}::timestamptz`;
      if (op === 'eq' || op === 'ne') return equality(sql, op, param);
      if (!SQL_ORDER[op]) throw refuse();
      return `${sql} ${SQL_ORDER[op]} ${param}`;
    }
    const text = toText(value);
    // Forms that keep the column's index: uuid and citext equality.
    if (type === 'uuid' && op === 'eq' && CANONICAL_UUID.test(text)) return `${sql} = ${this.bind(text)}::uuid`;
    if (type === 'citext' && (op === 'eq' || op === 'ne')) return equality(sql, op, `${this.bind(text)}::citext`);
    const param = this.bind(text);
    const left = operand.caseExact ? `${sql}::text` : `lower(${sql}::text)`;
    const right = operand.caseExact ? `${param}::text` : `lower(${param}::text)`;
    switch (op) {
      case 'eq':
        return `${left} = ${right}`;
      case 'ne':
        return `(${sql} IS NULL OR ${left} <> ${right})`;
      case 'co':
        return `strpos(${left}, ${right}) > 0`;
      case 'sw':
        return `starts_with(${left}, ${right})`;
      case 'ew':
        return `right(${left}, length(${right})) = ${right}`;
      default:
        return `${left} COLLATE "C" ${SQL_ORDER[op]} ${right}`;
    }
  }

  private exists(attribute: MultiValued, condition: string): string {
    return `EXISTS (SELECT 1 FROM jsonb_array_elements(${jsonArray(attribute)}) AS e WHERE ${condition})`;
  }

  private membership(condition: string): string {
    return `EXISTS (SELECT 1 FROM "GroupMember" gm WHERE gm."tenantId" = r."tenantId" AND gm."groupId" = r."id" AND ${condition})`;
  }
}

const MEMBER_ID: Operand = { sql: 'gm."userId"', type: 'uuid', caseExact: true };

function equality(sql: string, op: 'eq' | 'ne', param: string): string {
  return op === 'eq' ? `${sql} = ${param}` : `(${sql} IS NULL OR ${sql} <> ${param})`;
}

/** Always true or false, never unknown, so `not` and `eq null` can build on it. */
function presence({ sql, type }: Operand): string {
  return type === 'text' || type === 'citext' ? `(${sql} IS NOT NULL AND ${sql} <> '')` : `(${sql} IS NOT NULL)`;
}

export { compileSortBy } from './compile-sort';
