// The shape of a resource document as PATCH edits it (RFC 7644 §3.5.2) and
// canonicalUser reads a body: each attribute's canonical name, kind and
// sub-attribute names. Derived from the attribute registry
// (lib/scim/schema/patch-models.ts). Attribute names are case-insensitive on
// input (RFC 7643 §2.1); these give each its canonical spelling.

type AttributeKind = 'simple' | 'complex' | 'multi';

export interface AttributeSpec {
  name: string;
  kind: AttributeKind;
  subAttributes?: readonly string[];
}

/** A resource type's attributes: the core schema's, and each extension's under its URN. */
export interface DocumentSchema {
  core: readonly AttributeSpec[];
  extensions: Record<string, readonly AttributeSpec[]>;
}

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
