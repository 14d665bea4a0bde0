import { SCIM_SCHEMAS } from '../limits';
import { attribute, displaySubAttribute, type SchemaDefinition } from './attribute';

// The core Group schema (RFC 7643 §4.2), descriptions in the wording of its
// representation in §8.7.1. Where this server is stricter than §8.7.1, the
// definition says what the server does:
// - displayName is required and unique per tenant: Entra matches groups by it
//   (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups), and §8.7.1's own description calls it REQUIRED;
// - members are Users only (no nested groups), so $ref and type name only User;
// - members.display (§4.2, absent from §8.7.1) is derived from the member, so readOnly.

export const GROUP_SCHEMA: SchemaDefinition = {
  id: SCIM_SCHEMAS.group,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute({
      name: 'displayName',
      type: 'string',
      description: 'A human-readable name for the Group. REQUIRED.',
      required: true,
      uniqueness: 'server',
    }),
    attribute({
      name: 'members',
      type: 'complex',
      multiValued: true,
      description: 'A list of members of the Group.',
      subAttributes: [
        attribute({
          name: 'value',
          type: 'string',
          description: 'Identifier of the member of this Group.',
          mutability: 'immutable',
        }),
        attribute({
          name: '$ref',
          type: 'reference',
          referenceTypes: ['User'],
          description: 'The URI corresponding to a SCIM resource that is a member of this Group.',
          mutability: 'immutable',
        }),
        displaySubAttribute('readOnly'),
        attribute({
          name: 'type',
          type: 'string',
          description: "A label indicating the type of resource, e.g., 'User' or 'Group'.",
          canonicalValues: ['User'],
          mutability: 'immutable',
        }),
      ],
    }),
  ],
};
