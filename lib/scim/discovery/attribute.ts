import type { Characteristics } from '../schema';

// Attribute definitions as RFC 7643 §7 describes them in a Schema resource,
// built from the attribute registry (lib/scim/schema), which holds every
// characteristic with its default filled in.

export interface SchemaAttribute extends Characteristics {
  readonly name: string;
  readonly subAttributes?: readonly SchemaAttribute[];
}

/** A schema as the server defines it; `schemaDocuments` adds `schemas` and `meta` to serve it. */
export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly SchemaAttribute[];
}

interface Described {
  readonly name: string;
  readonly characteristics: Characteristics;
  readonly subAttributes?: readonly Described[];
}

/** One registry entry as /Schemas shows it: every characteristic, in §7's order, and nothing of how it is stored. */
export function schemaAttribute({ name, characteristics: c, subAttributes }: Described): SchemaAttribute {
  return {
    name,
    type: c.type,
    multiValued: c.multiValued,
    description: c.description,
    required: c.required,
    caseExact: c.caseExact,
    mutability: c.mutability,
    returned: c.returned,
    uniqueness: c.uniqueness,
    ...(c.canonicalValues ? { canonicalValues: c.canonicalValues } : {}),
    ...(c.type === 'reference' ? { referenceTypes: c.referenceTypes } : {}),
    ...(c.type === 'complex' ? { subAttributes: (subAttributes ?? []).map(schemaAttribute) } : {}),
  };
}
