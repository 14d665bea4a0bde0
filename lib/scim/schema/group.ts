import { personName } from '../../directory/person-name';
import { characteristics } from './characteristics';
import { displaySub, sub } from './define';
import { USERS_ENDPOINT } from './endpoints';
import type { GroupAttribute } from './types';

// The core Group schema (RFC 7643 §4.2), descriptions in the wording of its
// representation in §8.7.1. Where this server is stricter than §8.7.1, the
// definition says what the server does:
// - displayName is required and unique per tenant: Entra matches groups by it
//   (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups), and §8.7.1's own description calls it REQUIRED;
// - members are Users only (no nested groups), so $ref and type name only User;
// - members.display (§4.2, absent from §8.7.1) is derived from the member, so readOnly.
// Members live in GroupMember rows: read by the caller (context.members),
// written by groups/group-input.ts's plan, filtered by compile-filter.ts.

export const GROUP_ATTRIBUTES: readonly GroupAttribute[] = [
  {
    name: 'displayName',
    characteristics: characteristics({
      type: 'string',
      description: 'A human-readable name for the Group. REQUIRED.',
      required: true,
      uniqueness: 'server',
    }),
    storage: { kind: 'column', column: 'displayName' },
  },
  {
    name: 'members',
    characteristics: characteristics({ type: 'complex', multiValued: true, description: 'A list of members of the Group.' }),
    subAttributes: [
      sub('value', { type: 'string', description: 'Identifier of the member of this Group.', mutability: 'immutable' }),
      sub('$ref', {
        type: 'reference',
        referenceTypes: ['User'],
        description: 'The URI corresponding to a SCIM resource that is a member of this Group.',
        mutability: 'immutable',
      }),
      displaySub('readOnly'),
      sub('type', {
        type: 'string',
        description: "A label indicating the type of resource, e.g., 'User' or 'Group'.",
        canonicalValues: ['User'],
        mutability: 'immutable',
      }),
    ],
    storage: { kind: 'code' },
    // Shown even when empty, unless the caller left them out (excludedAttributes=members).
    read: (_group, { baseUrl, members }) =>
      members?.map((m) => ({ value: m.userId, $ref: `${baseUrl}${USERS_ENDPOINT}/${m.userId}`, display: personName(m.user), type: 'User' })),
    filter: 'membership',
  },
];
