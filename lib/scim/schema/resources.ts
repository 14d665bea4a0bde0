import { SCIM_SCHEMAS } from '../limits';
import { commonAttributes } from './common';
import { GROUPS_ENDPOINT, USERS_ENDPOINT } from './endpoints';
import { ENTERPRISE_USER_ATTRIBUTES } from './enterprise-user';
import { GROUP_ATTRIBUTES } from './group';
import type { GroupAttribute, GroupShape, ResourceDef, UserShape } from './types';
import { USER_ATTRIBUTES } from './user';

// The two resource types this server serves (RFC 7643 §6), each with its
// schemas in the order /Schemas lists them: core User, Enterprise User, core Group.

const userCommon = commonAttributes('User', USERS_ENDPOINT);

export const USER_RESOURCE: ResourceDef<UserShape> = {
  name: 'User',
  endpoint: USERS_ENDPOINT,
  description: 'User Account',
  common: userCommon,
  schema: { id: SCIM_SCHEMAS.user, name: 'User', description: 'User Account', attributes: USER_ATTRIBUTES },
  extensions: [
    { id: SCIM_SCHEMAS.enterpriseUser, name: 'EnterpriseUser', description: 'Enterprise User', required: false, attributes: ENTERPRISE_USER_ATTRIBUTES },
  ],
};

const groupCommon = commonAttributes('Group', GROUPS_ENDPOINT);

/** A group's externalId is left out when empty, a user's only when absent (docs/scim.md#known-inconsistencies). */
const groupExternalId: GroupAttribute = { ...groupCommon.externalId, read: (group) => group.externalId || undefined };

export const GROUP_RESOURCE: ResourceDef<GroupShape> = {
  name: 'Group',
  endpoint: GROUPS_ENDPOINT,
  description: 'Group',
  common: { ...groupCommon, externalId: groupExternalId },
  schema: { id: SCIM_SCHEMAS.group, name: 'Group', description: 'Group', attributes: GROUP_ATTRIBUTES },
  extensions: [],
};

/** The User extension URNs, for paths such as `urn:…:enterprise:2.0:User:manager`. */
export const USER_EXTENSION_URNS: readonly string[] = USER_RESOURCE.extensions.map((extension) => extension.id);
