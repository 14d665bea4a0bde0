import { characteristics, type CharacteristicsSpec, type Mutability } from './characteristics';
import type { FilterRule, SubAttributeDef } from './types';

// Small builders for registry entries, so that each entry states only what
// differs from RFC 7643's defaults.

/** A sub-attribute; `column` when its parent keeps it in a column of its own. */
export function sub<Column extends string = never>(
  name: string,
  spec: CharacteristicsSpec,
  options: { column?: Column; filter?: FilterRule } = {},
): SubAttributeDef<Column> {
  return { name, characteristics: characteristics(spec), ...options };
}

/** The `display` sub-attribute of multi-valued attributes (RFC 7643 §2.4). */
export function displaySub(mutability: Mutability = 'readWrite'): SubAttributeDef<never> {
  return sub('display', { type: 'string', description: 'A human-readable name, primarily used for display purposes. READ-ONLY.', mutability });
}

/** The `primary` sub-attribute of multi-valued attributes (RFC 7643 §2.4); `example` is the RFC's "e.g." clause. */
export function primarySub(example?: string): SubAttributeDef<never> {
  const eg = example ? `, e.g., ${example}` : '';
  return sub('primary', {
    type: 'boolean',
    description: `A Boolean value indicating the 'primary' or preferred attribute value for this attribute${eg}. The primary attribute value 'true' MUST appear no more than once.`,
  });
}

/**
 * The sub-attributes of a multi-valued attribute of RFC 7643 §2.4's shape
 * (emails, phoneNumbers, photos, roles), in §8.7.1's order: value, display,
 * type, primary.
 */
export function pluralSubs(value: SubAttributeDef<never>, type: SubAttributeDef<never>, primaryExample?: string): SubAttributeDef<never>[] {
  return [value, displaySub(), type, primarySub(primaryExample)];
}
