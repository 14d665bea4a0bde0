// Which SCIM attributes a filter or sortBy may name, and where each lives in
// the "User" / "Group" row (alias r). Keys are lower-case: RFC 7643 §2.1 makes
// attribute names case-insensitive.

export type ScimResource = 'User' | 'Group';

/** How a value is compared: `citext` columns ignore case natively and keep their index for `eq`. */
type ValueType = 'text' | 'citext' | 'uuid' | 'boolean' | 'timestamp';

/** An SQL expression of one value per row (or per array element), never built from client input. */
export interface Operand {
  sql: string;
  type: ValueType;
  caseExact: boolean;
}

/** A JSONB array of objects, as Entra sends them (RFC 7643 §2.4 multi-valued attributes). */
export interface MultiValued {
  kind: 'multi';
  column: string;
  /** Lower-case sub-attribute name → JSON key and comparison. */
  subs: Record<string, { key: string; type: 'text' | 'boolean'; caseExact: boolean }>;
}

type Attribute = ({ kind: 'scalar' } & Operand) | MultiValued | { kind: 'members' };

const text = (column: string, caseExact = false): Attribute => ({ kind: 'scalar', sql: `r."${column}"`, type: 'text', caseExact });
const exact = (sql: string, type: ValueType): Attribute => ({ kind: 'scalar', sql, type, caseExact: true });

function multi(column: string, names: string[], caseExactValue = false): MultiValued {
  // No prototype, so that a client's `emails[constructor eq "x"]` finds nothing.
  const subs: MultiValued['subs'] = Object.create(null);
  for (const key of names) {
    subs[key.toLowerCase()] = {
      key,
      type: key === 'primary' ? 'boolean' : 'text',
      caseExact: key === 'value' && caseExactValue,
    };
  }
  return { kind: 'multi', column, subs };
}

const PLURAL = ['value', 'type', 'primary', 'display'];

function meta(resource: ScimResource): Record<string, Attribute> {
  return {
    id: exact('r."id"', 'uuid'),
    externalid: text('externalId', true),
    'meta.created': exact('r."createdAt"', 'timestamp'),
    'meta.lastmodified': exact('r."updatedAt"', 'timestamp'),
    'meta.resourcetype': exact(`'${resource}'::text`, 'text'),
  };
}

const CORE_USER: Record<string, Attribute> = {
  ...meta('User'),
  username: { kind: 'scalar', sql: 'r."userName"', type: 'citext', caseExact: false },
  displayname: text('displayName'),
  nickname: text('nickName'),
  profileurl: text('profileUrl'),
  title: text('title'),
  usertype: text('userType'),
  preferredlanguage: text('preferredLanguage'),
  locale: text('locale'),
  timezone: text('timezone'),
  active: exact('r."active"', 'boolean'),
  'name.formatted': text('nameFormatted'),
  'name.givenname': text('givenName'),
  'name.familyname': text('familyName'),
  'name.middlename': text('middleName'),
  'name.honorificprefix': text('honorificPrefix'),
  'name.honorificsuffix': text('honorificSuffix'),
  emails: multi('emails', PLURAL),
  phonenumbers: multi('phoneNumbers', PLURAL),
  addresses: multi('addresses', ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type', 'primary']),
  // RFC 7643 §4.1.2: a photo's value is a URI, so it matches exactly; so do role values here.
  photos: multi('photos', PLURAL, true),
  roles: multi('roles', PLURAL, true),
};

const MANAGER_SENT = exact('COALESCE(r."managerId"::text, r."unresolvedManagerId")', 'text');

const ENTERPRISE_USER: Record<string, Attribute> = {
  employeenumber: text('employeeNumber'),
  costcenter: text('costCenter'),
  organization: text('organization'),
  division: text('division'),
  department: text('department'),
  // The id as it was sent, linked to a user or not (docs/scim.md), as reads return it: Entra checks its last
  // write with `id eq "…" and manager eq "…"`, where the id's index does the work.
  manager: MANAGER_SENT,
  'manager.value': MANAGER_SENT,
};

const CORE_GROUP: Record<string, Attribute> = {
  ...meta('Group'),
  displayname: { kind: 'scalar', sql: 'r."displayName"', type: 'citext', caseExact: false },
  members: { kind: 'members' },
};

const CORE_URN = 'urn:ietf:params:scim:schemas:core:2.0:';
const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user';

/** The attribute maps a path may be resolved in, after removing a schema URN prefix. */
function schemasFor(path: string, resource: ScimResource): { name: string; maps: Record<string, Attribute>[] } {
  const lower = path.toLowerCase();
  const core = resource === 'User' ? CORE_USER : CORE_GROUP;
  const coreUrn = `${CORE_URN}${resource.toLowerCase()}:`;
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
