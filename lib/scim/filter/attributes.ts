import { SCIM_GROUP_TABLE, SCIM_ROW_COLUMNS, SCIM_USER_TABLE, type ColumnKind } from '../../db';
import { SCIM_SCHEMAS } from '../limits';
import {
  GROUP_RESOURCE,
  USER_RESOURCE,
  type AttributeOf,
  type FilterOperand,
  type FilterRule,
  type ResourceDef,
  type ResourceShape,
  type SubAttributeDef,
} from '../schema';

// Which SCIM attributes a filter or sortBy may name, and where each lives in
// the "User" / "Group" row (alias r): derived from the attribute registry
// (lib/scim/schema). Keys are lower-case: RFC 7643 §2.1 makes attribute names
// case-insensitive.

export type ScimResource = 'User' | 'Group';

/** An SQL expression of one value per row (or per array element), never built from client input. */
export type Operand = FilterOperand;

/** A JSONB array of objects, as Entra sends them (RFC 7643 §2.4 multi-valued attributes). */
export interface MultiValued {
  kind: 'multi';
  column: string;
  /** Lower-case sub-attribute name → JSON key and comparison. */
  subs: Record<string, { key: string; type: 'text' | 'boolean'; caseExact: boolean }>;
  /** The value of the element of this type has an indexed citext column of its own (Entra's work-email lookup). */
  typed?: { type: string; column: string };
}

type Attribute = ({ kind: 'scalar' } & Operand) | MultiValued | { kind: 'members' };

type Table = Readonly<Record<string, ColumnKind>>;

/** A stored scalar: its column, compared as the column's kind; text as the registry says, everything else exactly. */
function column(name: string, table: Table, rule: FilterRule | undefined, caseExact: boolean): Attribute {
  const kind = table[name] ?? SCIM_ROW_COLUMNS[name as keyof typeof SCIM_ROW_COLUMNS];
  if (!kind || kind === 'jsonb') throw new Error(`The registry filters by ${name}, which is no scalar column.`);
  const text = kind === 'text' || kind === 'citext';
  const exact = rule && typeof rule === 'object' && 'caseExact' in rule ? rule.caseExact : caseExact;
  return { kind: 'scalar', sql: `r."${name}"`, type: kind, caseExact: text ? exact : true };
}

function multi<S extends ResourceShape>(attribute: AttributeOf<S>, name: string): MultiValued {
  // No prototype, so that a client's `emails[constructor eq "x"]` finds nothing.
  const subs: MultiValued['subs'] = Object.create(null);
  for (const sub of attribute.subAttributes ?? []) {
    const rule = sub.filter;
    if (rule === false) continue;
    subs[sub.name.toLowerCase()] = {
      key: sub.name,
      type: sub.characteristics.type === 'boolean' ? 'boolean' : 'text',
      caseExact: rule && typeof rule === 'object' && 'caseExact' in rule ? rule.caseExact : sub.characteristics.caseExact,
    };
  }
  const storage = attribute.storage;
  const typed = storage.kind === 'json' ? storage.typed : undefined;
  return { kind: 'multi', column: name, subs, ...(typed ? { typed: { type: typed.type, column: typed.column } } : {}) };
}

/**
 * A single-valued complex attribute's sub-attributes by full name
 * (`name.givenName`, `meta.created`, `manager.value`): stored columns in the
 * table's order, then computed ones. complexChildren lists them in this order,
 * and `name pr` ORs them in it.
 */
function children<S extends ResourceShape>(attribute: AttributeOf<S>, table: Table): [string, Attribute][] {
  const order = [...Object.keys(SCIM_ROW_COLUMNS), ...Object.keys(table)];
  const rank = (sub: SubAttributeDef<S['column']>) => (sub.column ? order.indexOf(sub.column) : order.length);
  const subs = [...(attribute.subAttributes ?? [])].sort((a, b) => rank(a) - rank(b));
  const out: [string, Attribute][] = [];
  for (const sub of subs) {
    const key = `${attribute.name}.${sub.name}`.toLowerCase();
    const rule = sub.filter;
    if (rule === false || rule === 'membership') continue;
    if (rule && 'operand' in rule) out.push([key, { kind: 'scalar', ...rule.operand }]);
    else if (sub.column) out.push([key, column(sub.column, table, rule, sub.characteristics.caseExact)]);
  }
  return out;
}

function filterMap<S extends ResourceShape>(attributes: readonly AttributeOf<S>[], table: Table): Record<string, Attribute> {
  const map: Record<string, Attribute> = {};
  for (const attribute of attributes) {
    const key = attribute.name.toLowerCase();
    const { filter: rule, storage } = attribute;
    if (rule === false) continue;
    if (rule === 'membership') map[key] = { kind: 'members' };
    else if (rule && 'operand' in rule) map[key] = { kind: 'scalar', ...rule.operand };
    else if (storage.kind === 'column') map[key] = column(storage.column, table, rule, attribute.characteristics.caseExact);
    else if (storage.kind === 'json') map[key] = multi(attribute, storage.column);
    if (attribute.characteristics.type === 'complex' && !attribute.characteristics.multiValued) {
      for (const [name, child] of children(attribute, table)) map[name] = child;
    }
  }
  return map;
}

/** The core map (common and core attributes) and one map per extension. */
function mapsOf<S extends ResourceShape>(resource: ResourceDef<S>, table: Table) {
  const { id, externalId, meta } = resource.common;
  return {
    core: filterMap([id, externalId, meta, ...resource.schema.attributes], table),
    extensions: resource.extensions.map((extension) => filterMap(extension.attributes, table)),
  };
}

const USER = mapsOf(USER_RESOURCE, SCIM_USER_TABLE);
const GROUP = mapsOf(GROUP_RESOURCE, SCIM_GROUP_TABLE);
const CORE_USER = USER.core;
const [ENTERPRISE_USER] = USER.extensions;
const CORE_GROUP = GROUP.core;

const CORE_URN = { User: `${SCIM_SCHEMAS.user.toLowerCase()}:`, Group: `${SCIM_SCHEMAS.group.toLowerCase()}:` };
const ENTERPRISE_URN = SCIM_SCHEMAS.enterpriseUser.toLowerCase();

/** The attribute maps a path may be resolved in, after removing a schema URN prefix. */
function schemasFor(path: string, resource: ScimResource): { name: string; maps: Record<string, Attribute>[] } {
  const lower = path.toLowerCase();
  const core = resource === 'User' ? CORE_USER : CORE_GROUP;
  const coreUrn = CORE_URN[resource];
  if (lower.startsWith(coreUrn)) return { name: lower.slice(coreUrn.length), maps: [core] };
  // Entra writes the extension as `…:User:manager`; some clients use `…:User.manager`.
  if (resource === 'User' && (lower.startsWith(`${ENTERPRISE_URN}:`) || lower.startsWith(`${ENTERPRISE_URN}.`))) {
    return { name: lower.slice(ENTERPRISE_URN.length + 1), maps: [ENTERPRISE_USER] };
  }
  if (lower.startsWith('urn:')) return { name: '', maps: [] };
  return { name: lower, maps: resource === 'User' ? [CORE_USER, ENTERPRISE_USER] : [core] };
}

export interface Resolved {
  attribute: Attribute;
  /** The lower-case sub-attribute after a multi-valued or members attribute (`emails.value` → `value`). */
  sub?: string;
  /** The lower-case name without URN, for naming complex parents (`name` of `name.givenName`). */
  name: string;
}

/** Undefined for a path that names nothing filterable. */
export function resolveAttribute(path: string, resource: ScimResource): Resolved | undefined {
  const { name, maps } = schemasFor(path, resource);
  for (const map of maps) {
    if (Object.hasOwn(map, name)) return { attribute: map[name], name };
    const dot = name.indexOf('.');
    if (dot > 0 && Object.hasOwn(map, name.slice(0, dot))) {
      const attribute = map[name.slice(0, dot)];
      if (attribute.kind !== 'scalar') return { attribute, sub: name.slice(dot + 1), name };
    }
  }
  return undefined;
}

/** The scalar sub-attributes of a complex single-valued attribute (`name`, `meta`, `manager`), by full name. */
export function complexChildren(path: string, resource: ScimResource): string[] {
  const { name, maps } = schemasFor(path, resource);
  if (!name) return [];
  const prefix = path.slice(0, path.length - name.length);
  return maps.flatMap((map) =>
    Object.keys(map)
      .filter((key) => key.startsWith(`${name}.`) && map[key].kind === 'scalar')
      .map((key) => prefix + key),
  );
}

/** The stored array, or an empty one if a row ever holds something else: jsonb_array_elements would raise on it. */
export function jsonArray(attribute: MultiValued): string {
  const column = `r."${attribute.column}"`;
  return `(CASE WHEN jsonb_typeof(${column}) = 'array' THEN ${column} ELSE '[]'::jsonb END)`;
}

/** A sub-attribute of the array element e; `primary` tolerates Entra's "True"/"False" strings without a failing cast. */
export function elementOperand(attribute: MultiValued, sub: string, element = 'e'): Operand {
  const { key, type, caseExact } = attribute.subs[sub];
  if (type === 'boolean') {
    return { sql: `(CASE lower(${element}->>'${key}') WHEN 'true' THEN true WHEN 'false' THEN false END)`, type, caseExact: true };
  }
  return { sql: `(${element}->>'${key}')`, type, caseExact };
}
