import type { ScimUserRow } from '../../db';
import { readResource, USER_RESOURCE } from '../schema';

export type UserRow = ScimUserRow;

/** The SCIM representation of a User row (RFC 7643 §4.1, §4.3), as the registry reads each attribute (lib/scim/schema). */
export function toUserResource(row: UserRow, baseUrl: string): Record<string, unknown> {
  return readResource(USER_RESOURCE, row, { baseUrl });
}
