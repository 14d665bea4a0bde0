// The directory's one order for lists of people: family name, given name, and
// the id last, so that people without a family or given name (Entra may send a
// displayName alone) keep a stable order instead of whatever the plan returns.
// On User it follows the index on ("tenantId", "active", "familyName", "givenName").

/** For SQL over a row with "familyName" and "givenName": User u, or a search row and its "userId". */
export const byName = (alias = 'u', id = 'id') => `${alias}."familyName" ASC NULLS LAST, ${alias}."givenName" ASC NULLS LAST, ${alias}."${id}"`;

/** The same order for Prisma queries on User. */
export const USER_BY_NAME = [
  { familyName: { sort: 'asc', nulls: 'last' } },
  { givenName: { sort: 'asc', nulls: 'last' } },
  { id: 'asc' },
] as const satisfies readonly object[];
