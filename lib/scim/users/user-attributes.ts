import { SCIM_SCHEMAS } from '../limits';

// The User attributes this server stores (RFC 7643 §4.1 and §4.3), by kind.
// Attribute names are case-insensitive on input (RFC 7643 §2.1); these tables
// give each its canonical spelling.

export const ENTERPRISE = SCIM_SCHEMAS.enterpriseUser;
export const CORE_USER = SCIM_SCHEMAS.user;

type AttributeKind = 'simple' | 'complex' | 'multi';

export interface AttributeSpec {
  name: string;
  kind: AttributeKind;
  subAttributes?: readonly string[];
}

const multi = (name: string, subAttributes: readonly string[]): AttributeSpec => ({ name, kind: 'multi', subAttributes });
const PLURAL = ['value', 'type', 'primary', 'display'] as const;

export const CORE_ATTRIBUTES: readonly AttributeSpec[] = [
  ...['externalId', 'userName', 'displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone', 'active'].map(
    (name): AttributeSpec => ({ name, kind: 'simple' }),
  ),
  { name: 'name', kind: 'complex', subAttributes: ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'] },
  multi('emails', PLURAL),
  multi('phoneNumbers', PLURAL),
  multi('addresses', ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type', 'primary']),
  multi('photos', PLURAL),
  multi('roles', PLURAL),
];

export const ENTERPRISE_ATTRIBUTES: readonly AttributeSpec[] = [
  ...['employeeNumber', 'costCenter', 'organization', 'division', 'department'].map((name): AttributeSpec => ({ name, kind: 'simple' })),
  { name: 'manager', kind: 'complex', subAttributes: ['value', '$ref', 'displayName'] },
];

export function findAttribute(specs: readonly AttributeSpec[], name: string): AttributeSpec | undefined {
  const lower = name.toLowerCase();
  return specs.find((spec) => spec.name.toLowerCase() === lower);
}

export function canonicalSubAttribute(spec: AttributeSpec, name: string): string | undefined {
  const lower = name.toLowerCase();
  return spec.subAttributes?.find((sub) => sub.toLowerCase() === lower);
}

function canonicalObject(spec: AttributeSpec, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(value)) {
    const canonical = canonicalSubAttribute(spec, key);
    if (canonical && sub !== null) out[canonical] = sub;
  }
  return out;
}

/** One attribute's value with canonical sub-attribute names; nulls dropped (Entra never means "clear" by null). */
export function canonicalValue(spec: AttributeSpec, value: unknown): unknown {
  if (spec.kind === 'multi' && Array.isArray(value)) return value.map((element) => canonicalObject(spec, element));
  if (spec.kind === 'complex') return canonicalObject(spec, value);
  return value;
}

/**
 * A SCIM User body with canonical attribute names, unknown attributes and
 * read-only ones (id, meta, schemas, groups) dropped, and the enterprise
 * extension under its URN key.
 */
export function canonicalUser(body: Record<string, unknown>): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  const enterprise: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    if (key.toLowerCase() === ENTERPRISE.toLowerCase() && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const spec = findAttribute(ENTERPRISE_ATTRIBUTES, k);
        if (spec && v !== null) enterprise[spec.name] = canonicalValue(spec, v);
      }
      continue;
    }
    const spec = findAttribute(CORE_ATTRIBUTES, key);
    if (spec) doc[spec.name] = canonicalValue(spec, value);
  }
  if (Object.keys(enterprise).length > 0) doc[ENTERPRISE] = enterprise;
  return doc;
}
