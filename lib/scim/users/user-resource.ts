import type { ScimUserRow } from '../../db';
import { etag } from '../http';
import { CORE_USER, ENTERPRISE } from './user-attributes';

export type UserRow = ScimUserRow;

const present = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

/** Drops null, undefined and empty arrays: Entra wants absent values left out, never null. */
function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => present(v))) as Partial<T>;
}

/** The manager's id as the client sent it: linked to a user of the tenant, or kept unresolved (docs/scim.md). */
export function managerReference(row: Pick<UserRow, 'managerId' | 'unresolvedManagerId'>): string | null {
  return row.managerId ?? row.unresolvedManagerId;
}

/** The SCIM representation of a User row (RFC 7643 §4.1, §4.3). */
export function toUserResource(row: UserRow, baseUrl: string): Record<string, unknown> {
  const name = compact({
    formatted: row.nameFormatted,
    familyName: row.familyName,
    givenName: row.givenName,
    middleName: row.middleName,
    honorificPrefix: row.honorificPrefix,
    honorificSuffix: row.honorificSuffix,
  });
  // Entra reads the manager back as the RFC object, a bare string fails its cycle, and a value other than the one it
  // sent makes it send it again: an unresolved id is read back as sent, with no $ref or displayName (no user has them).
  const reference = managerReference(row);
  const manager = !reference
    ? null
    : row.managerId
      ? compact({ value: reference, $ref: `${baseUrl}/Users/${reference}`, displayName: row.manager?.displayName ?? row.manager?.userName })
      : { value: reference };
  const enterprise = compact({
    employeeNumber: row.employeeNumber,
    costCenter: row.costCenter,
    organization: row.organization,
    division: row.division,
    department: row.department,
    manager,
  });
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return {
    schemas: hasEnterprise ? [CORE_USER, ENTERPRISE] : [CORE_USER],
    id: row.id,
    ...compact({
      externalId: row.externalId,
      userName: row.userName,
      name: Object.keys(name).length > 0 ? name : null,
      displayName: row.displayName,
      nickName: row.nickName,
      profileUrl: row.profileUrl,
      title: row.title,
      userType: row.userType,
      preferredLanguage: row.preferredLanguage,
      locale: row.locale,
      timezone: row.timezone,
    }),
    active: row.active,
    ...compact({
      emails: row.emails as unknown[],
      phoneNumbers: row.phoneNumbers as unknown[],
      addresses: row.addresses as unknown[],
      photos: row.photos as unknown[],
      roles: row.roles as unknown[],
    }),
    ...(hasEnterprise ? { [ENTERPRISE]: enterprise } : {}),
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
      version: etag(row.version),
    },
  };
}
