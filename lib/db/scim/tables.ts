// The columns SCIM reads and writes, with how each is stored. lib/db owns
// these facts (names, SQL types, the order the statements list them in);
// the SCIM attribute registry (lib/scim/schema) maps attributes onto them, and
// every column list of the SCIM statements is derived from here.

/** How a column is stored, as far as SCIM's SQL cares: a cast, an index-keeping comparison, a JSON array. */
export type ColumnKind = 'text' | 'citext' | 'boolean' | 'jsonb' | 'uuid' | 'timestamp';

/** Columns every SCIM resource's table has: read into `id` and `meta`, never written by SCIM. */
export const SCIM_ROW_COLUMNS = { id: 'uuid', createdAt: 'timestamp', updatedAt: 'timestamp' } as const satisfies Record<string, ColumnKind>;

/**
 * The User columns a SCIM request writes as given, in the order INSERT and
 * UPDATE list them (so their placeholders are $3…, $4… in this order). The
 * manager is not here: its two columns, "managerId" and "unresolvedManagerId",
 * are decided by the statement itself (users.ts). Everything else on User
 * belongs to the app.
 */
export const SCIM_USER_TABLE = {
  userName: 'citext',
  externalId: 'text',
  active: 'boolean',
  displayName: 'text',
  nickName: 'text',
  profileUrl: 'text',
  title: 'text',
  userType: 'text',
  preferredLanguage: 'text',
  locale: 'text',
  timezone: 'text',
  nameFormatted: 'text',
  givenName: 'text',
  familyName: 'text',
  middleName: 'text',
  honorificPrefix: 'text',
  honorificSuffix: 'text',
  emails: 'jsonb',
  phoneNumbers: 'jsonb',
  addresses: 'jsonb',
  photos: 'jsonb',
  roles: 'jsonb',
  workEmail: 'citext',
  employeeNumber: 'text',
  costCenter: 'text',
  organization: 'text',
  division: 'text',
  department: 'text',
} as const satisfies Record<string, ColumnKind>;

/** The Group columns a SCIM request writes, in the order INSERT and UPDATE list them. */
export const SCIM_GROUP_TABLE = { displayName: 'citext', externalId: 'text' } as const satisfies Record<string, ColumnKind>;

export type ScimUserColumn = keyof typeof SCIM_USER_TABLE;
export type ScimGroupColumn = keyof typeof SCIM_GROUP_TABLE;
export type ScimRowColumn = keyof typeof SCIM_ROW_COLUMNS;

/** One element of a multi-valued attribute, e.g. {"value": "…", "type": "work", "primary": true}. */
export type PluralValue = Record<string, string | boolean>;

type ValueOf<K extends ColumnKind> = K extends 'boolean' ? boolean : K extends 'jsonb' ? PluralValue[] : string | null;

/**
 * The columns as a write gives them, and the manager's id as the client sent
 * it. The statement links it ("managerId") when it is another user of the
 * tenant, and keeps it as sent ("unresolvedManagerId") when it is not, or not
 * yet (docs/scim.md). userName is NOT NULL.
 */
export type ScimUserValues = { [C in ScimUserColumn]: ValueOf<(typeof SCIM_USER_TABLE)[C]> } & { userName: string; managerId: string | null };

/** A group's own fields; displayName is NOT NULL. */
export type ScimGroupValues = { [C in ScimGroupColumn]: ValueOf<(typeof SCIM_GROUP_TABLE)[C]> } & { displayName: string };

/** A table's columns in statement order. */
export function columnsOf<T extends Record<string, ColumnKind>>(table: T): (keyof T & string)[] {
  return Object.keys(table) as (keyof T & string)[];
}
