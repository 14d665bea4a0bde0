import type { AttributeOf, ResourceDef, ResourceShape } from './types';

// Reading stored values into a resource: what an attribute's storage says,
// unless the entry reads itself. Entra wants absent values left out, never
// null (Microsoft's SCIM tutorial), so a null, an empty array and a complex
// value with nothing in it are all "absent": undefined.

const present = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

/** One attribute's value in the resource, or undefined to leave it out. */
function readValue<S extends ResourceShape>(attribute: AttributeOf<S>, row: S['row'], context: S['context']): unknown {
  if (attribute.read) return attribute.read(row, context);
  const cells = row as Record<string, unknown>;
  const { storage } = attribute;
  switch (storage.kind) {
    case 'column':
    case 'json':
      return present(cells[storage.column]) ? cells[storage.column] : undefined;
    case 'columns': {
      const value: Record<string, unknown> = {};
      for (const sub of attribute.subAttributes ?? []) {
        if (sub.column && present(cells[sub.column])) value[sub.name] = cells[sub.column];
      }
      return Object.keys(value).length > 0 ? value : undefined;
    }
    case 'code':
      return undefined;
  }
}

/** The attributes that have a value, by name, in the order given. */
function readAttributes<S extends ResourceShape>(attributes: readonly AttributeOf<S>[], row: S['row'], context: S['context']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const attribute of attributes) {
    const value = readValue(attribute, row, context);
    if (value !== undefined) out[attribute.name] = value;
  }
  return out;
}

/** A resource as RFC 7643 §8 shows one: schemas, id, externalId, core attributes, each extension under its URN, meta. */
export function readResource<S extends ResourceShape>(resource: ResourceDef<S>, row: S['row'], context: S['context']): Record<string, unknown> {
  const { id, externalId, meta } = resource.common;
  const extensions = resource.extensions
    .map((extension) => [extension.id, readAttributes(extension.attributes, row, context)] as const)
    .filter(([, values]) => Object.keys(values).length > 0);
  return {
    schemas: [resource.schema.id, ...extensions.map(([urn]) => urn)],
    ...readAttributes([id, externalId, ...resource.schema.attributes], row, context),
    ...Object.fromEntries(extensions),
    meta: readValue(meta, row, context),
  };
}
