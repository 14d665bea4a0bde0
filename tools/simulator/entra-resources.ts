import type { SourceGroup, SourceUser } from './source-directory';

// The bodies Entra sends, in the shapes of Microsoft's SCIM documentation
// (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups):
// capitalised ops, the enterprise schema URN in `schemas`, the office as a
// work address's `formatted`, and the manager as a bare id.

const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const AD_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export type PatchOperation = { op: string; path: string; value?: unknown };

export const patchBody = (operations: PatchOperation[]) => ({ schemas: [PATCH_OP], Operations: operations });

export function newUserBody(user: SourceUser) {
  return {
    schemas: [CORE_USER, ENTERPRISE],
    externalId: user.objectId,
    userName: user.userName,
    active: user.active,
    displayName: user.displayName,
    title: user.title,
    emails: [{ primary: true, type: 'work', value: user.userName }],
    addresses: [{ type: 'work', formatted: user.office, primary: true }],
    meta: { resourceType: 'User' },
    name: { givenName: user.givenName, familyName: user.familyName },
    [ENTERPRISE]: { department: user.department },
    roles: [],
  };
}

export function newGroupBody(group: SourceGroup) {
  return { schemas: [GROUP, AD_GROUP], externalId: group.objectId, displayName: group.displayName, meta: { resourceType: 'Group' } };
}

export function membersPatch(op: 'Add' | 'Remove', ids: readonly string[]) {
  return patchBody([{ op, path: 'members', value: ids.map((value) => ({ value })) }]);
}

type Resource = Record<string, unknown>;
const field = (resource: Resource, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Resource)[key] : undefined), resource);
const workValue = (list: unknown, key: string): unknown =>
  Array.isArray(list) ? (list.find((item: Resource) => item?.type === 'work') as Resource | undefined)?.[key] : undefined;

/** The manager's SCIM id that a user resource shows, or null. */
export const managerOf = (resource: Resource): string | null => (field(resource, ENTERPRISE, 'manager', 'value') as string | undefined) ?? null;

/**
 * What Entra would PATCH to make `resource` match `user`: one operation per
 * attribute that differs. The manager only when `managerId` is given
 * (undefined: leave it to the manager pass).
 */
export function userDifferences(resource: Resource, user: SourceUser, managerId?: string | null): PatchOperation[] {
  const ops: PatchOperation[] = [];
  const replace = (path: string, now: unknown, wanted: unknown) => {
    if (now !== wanted) ops.push({ op: 'Replace', path, value: wanted });
  };
  replace('externalId', resource.externalId, user.objectId);
  replace('active', resource.active, user.active);
  replace('displayName', resource.displayName, user.displayName);
  replace('title', resource.title, user.title);
  replace('name.givenName', field(resource, 'name', 'givenName'), user.givenName);
  replace('name.familyName', field(resource, 'name', 'familyName'), user.familyName);
  replace('emails[type eq "work"].value', workValue(resource.emails, 'value'), user.userName);
  replace('addresses[type eq "work"].formatted', workValue(resource.addresses, 'formatted'), user.office);
  replace(`${ENTERPRISE}:department`, field(resource, ENTERPRISE, 'department'), user.department);
  if (managerId !== undefined && managerOf(resource) !== managerId) {
    ops.push(managerId === null ? { op: 'Remove', path: `${ENTERPRISE}:manager` } : { op: 'Add', path: `${ENTERPRISE}:manager`, value: managerId });
  }
  return ops;
}
