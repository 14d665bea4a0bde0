// Attribute definitions as RFC 7643 §7 describes them in a Schema resource.
// Every definition carries every characteristic, defaults included (§2.2), so a
// client never has to guess, and none carries a null (Entra: "don't send null
// values": https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).

type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'binary' | 'reference' | 'complex';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
type Returned = 'always' | 'never' | 'default' | 'request';
type Uniqueness = 'none' | 'server' | 'global';

export interface SchemaAttribute {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly SchemaAttribute[];
}

type Characteristics = {
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: Mutability;
  returned?: Returned;
  uniqueness?: Uniqueness;
  canonicalValues?: readonly string[];
};

type Spec = { name: string; description: string } & Characteristics &
  (
    | { type: 'complex'; subAttributes: readonly SchemaAttribute[] }
    | { type: 'reference'; referenceTypes: readonly string[] }
    | { type: Exclude<AttributeType, 'complex' | 'reference'> }
  );

/** One attribute definition, with the RFC 7643 §2.2 defaults for what the spec leaves out. */
export function attribute(spec: Spec): SchemaAttribute {
  return {
    name: spec.name,
    type: spec.type,
    multiValued: spec.multiValued ?? false,
    description: spec.description,
    required: spec.required ?? false,
    caseExact: spec.caseExact ?? false,
    mutability: spec.mutability ?? 'readWrite',
    returned: spec.returned ?? 'default',
    uniqueness: spec.uniqueness ?? 'none',
    ...(spec.canonicalValues ? { canonicalValues: spec.canonicalValues } : {}),
    ...(spec.type === 'reference' ? { referenceTypes: spec.referenceTypes } : {}),
    ...(spec.type === 'complex' ? { subAttributes: spec.subAttributes } : {}),
  };
}

/** The `display` sub-attribute of multi-valued attributes (RFC 7643 §2.4). */
export function displaySubAttribute(mutability: Mutability = 'readWrite'): SchemaAttribute {
  return attribute({
    name: 'display',
    type: 'string',
    description: 'A human-readable name, primarily used for display purposes. READ-ONLY.',
    mutability,
  });
}

/** The `primary` sub-attribute of multi-valued attributes (RFC 7643 §2.4); `example` is the RFC's "e.g." clause. */
export function primarySubAttribute(example?: string): SchemaAttribute {
  const eg = example ? `, e.g., ${example}` : '';
  return attribute({
    name: 'primary',
    type: 'boolean',
    description: `A Boolean value indicating the 'primary' or preferred attribute value for this attribute${eg}. The primary attribute value 'true' MUST appear no more than once.`,
  });
}

/** A schema as the server defines it; `schemaDocuments` adds `schemas` and `meta` to serve it. */
export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly SchemaAttribute[];
}
