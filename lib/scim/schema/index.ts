// The SCIM attribute registry: every User and Group attribute once, with its
// RFC 7643 characteristics and how this product keeps it. /Schemas, the
// resources, the column mapping, PATCH, filters and the SQL column lists are
// all derived from it (docs/scim.md#adding-an-attribute says which file derives what).
export type { Characteristics } from './characteristics';
export { managerReference } from './manager';
export { GROUP_DOCUMENT, USER_DOCUMENT } from './patch-models';
export { readResource } from './read';
export { GROUP_RESOURCE, USER_EXTENSION_URNS, USER_RESOURCE } from './resources';
export type { AttributeOf, FilterOperand, FilterRule, MemberRow, ResourceDef, ResourceShape, SchemaDef, SubAttributeDef, UserAttribute } from './types';
