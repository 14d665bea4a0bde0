import type { Group } from '../../db';
import { GROUP_RESOURCE, readResource, type MemberRow } from '../schema';

/** The SCIM representation of a Group (RFC 7643 §4.2); `members` null leaves them out (excludedAttributes=members). */
export function toGroupResource(group: Group, members: MemberRow[] | null, baseUrl: string): Record<string, unknown> {
  return readResource(GROUP_RESOURCE, group, { baseUrl, members });
}
