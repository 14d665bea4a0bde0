import type { Group, ScimMemberRow } from '../../db';
import { personName } from '../../directory/person-name';
import { etag } from '../http';
import { SCIM_SCHEMAS } from '../limits';

export type MemberRow = Pick<ScimMemberRow, 'userId' | 'user'>;

/** The SCIM representation of a Group (RFC 7643 §4.2); `members` null leaves them out (excludedAttributes=members). */
export function toGroupResource(group: Group, members: MemberRow[] | null, baseUrl: string): Record<string, unknown> {
  return {
    schemas: [SCIM_SCHEMAS.group],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    ...(members
      ? {
          members: members.map((m) => ({
            value: m.userId,
            $ref: `${baseUrl}/Users/${m.userId}`,
            display: personName(m.user),
            type: 'User',
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${group.id}`,
      version: etag(group.version),
    },
  };
}
