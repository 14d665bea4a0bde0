import type { AttributeSpec, DocumentSchema } from '../patch/document-schema';
import { GROUP_RESOURCE, USER_RESOURCE } from './resources';
import type { AttributeOf, ResourceDef, ResourceShape } from './types';

// The documents PATCH edits and canonicalUser reads (lib/scim/patch): each
// attribute a client may write, with its kind and sub-attribute names.

/**
 * A client writes an attribute when it is not readOnly and something turns it
 * into columns: its storage, or its own `write`. Group members are neither
 * here nor ignored: groups/group-input.ts plans them apart.
 */
function writable<S extends ResourceShape>(attribute: AttributeOf<S>): boolean {
  return attribute.characteristics.mutability !== 'readOnly' && (attribute.storage.kind !== 'code' || attribute.write !== undefined);
}

function attributeSpec<S extends ResourceShape>(attribute: AttributeOf<S>): AttributeSpec {
  const { name, characteristics, subAttributes } = attribute;
  if (characteristics.multiValued) return { name, kind: 'multi', subAttributes: (subAttributes ?? []).map((sub) => sub.name) };
  if (characteristics.type === 'complex') return { name, kind: 'complex', subAttributes: (subAttributes ?? []).map((sub) => sub.name) };
  return { name, kind: 'simple' };
}

function documentSchema<S extends ResourceShape>(resource: ResourceDef<S>): DocumentSchema {
  const specs = (attributes: readonly AttributeOf<S>[]) => attributes.filter(writable).map(attributeSpec);
  const { id, externalId, meta } = resource.common;
  return {
    core: specs([id, externalId, meta, ...resource.schema.attributes]),
    extensions: Object.fromEntries(resource.extensions.map((extension) => [extension.id, specs(extension.attributes)])),
  };
}

export const USER_DOCUMENT: DocumentSchema = documentSchema(USER_RESOURCE);
export const GROUP_DOCUMENT: DocumentSchema = documentSchema(GROUP_RESOURCE);
