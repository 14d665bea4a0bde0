import type { Group, User } from '../generated/client';

// The rows the SCIM stores return: table rows as Prisma types them (raw
// SQL selects the same column names and pg parses the same types), plus the
// few related values a SCIM resource shows.

export type ScimUserRow = User & { manager: { displayName: string | null; userName: string } | null };
export type ScimGroupRow = Group;
export interface ScimMemberRow {
  groupId: string;
  userId: string;
  /** What names the member (lib/directory/person-name.ts). */
  user: Pick<User, 'displayName' | 'nameFormatted' | 'givenName' | 'familyName' | 'userName'>;
}

/** The `manager` column of a user row aliased `alias`: a correlated lookup of one row by primary key. */
export const MANAGER_JOIN = (alias: string) =>
  `(SELECT json_build_object('displayName', m."displayName", 'userName', m."userName") FROM "User" m
     WHERE m."tenantId" = $1 AND m."id" = ${alias}."managerId") AS "manager"`;
