// RFC 7643 §7 attribute characteristics, as /Schemas serves them. Every
// definition carries every characteristic, defaults included (§2.2), so a
// client never has to guess, and none carries a null (Entra: "don't send null
// values": https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).

type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'binary' | 'reference' | 'complex';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
type Returned = 'always' | 'never' | 'default' | 'request';
type Uniqueness = 'none' | 'server' | 'global';

/** One attribute's characteristics with every default filled in. */
export interface Characteristics {
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  /** Present exactly when `type` is reference (RFC 7643 §7). */
  readonly referenceTypes?: readonly string[];
}

/** What a definition states; the rest takes the RFC 7643 §2.2 default. */
export type CharacteristicsSpec = { description: string } & Partial<
  Pick<Characteristics, 'multiValued' | 'required' | 'caseExact' | 'mutability' | 'returned' | 'uniqueness' | 'canonicalValues'>
> &
  ({ type: 'reference'; referenceTypes: readonly string[] } | { type: Exclude<AttributeType, 'reference'> });

export function characteristics(spec: CharacteristicsSpec): Characteristics {
  return {
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
  };
}
