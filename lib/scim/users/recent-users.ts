import type { UserRow } from './user-resource';

// The user rows this process last read or wrote over SCIM, so that a PUT or
// PATCH can skip its read. Entra reads a user (GET by id, or `userName eq`
// while matching) before it changes them, so the row it changes is nearly
// always one just served, and reading it again is a round trip for nothing
// (docs/scim.md).
//
// A remembered row may be stale (another instance, a delete, a reference
// cleared by a deleted manager): every change to what SCIM writes moves the
// row's version, the write is made only if the version is still the one
// remembered, and an attempt made from a remembered row that fails for any
// reason is made again from a fresh read (lib/scim/users/user-service.ts). So
// a stale row costs one more round trip, never a wrong answer.

/** About 2 KB a row: a few tenants' provisioning cycles, in tens of MB at most. */
const MAX_ROWS = 10_000;
/** Lists longer than this are browsing, not Entra matching one user before a change. */
const MAX_FROM_LIST = 10;

const rows = new Map<string, UserRow>();
const key = (tenantId: string, id: string) => `${tenantId}/${id}`;

/** The row last seen, or undefined. */
export function recentUser(tenantId: string, id: string): UserRow | undefined {
  return rows.get(key(tenantId, id.toLowerCase()));
}

export function rememberUser(tenantId: string, row: UserRow): void {
  const k = key(tenantId, row.id);
  rows.delete(k); // to the end: the Map's order is the eviction order
  rows.set(k, row);
  if (rows.size > MAX_ROWS) rows.delete(rows.keys().next().value!);
}

/** The rows of a list response, when it is short enough to be a lookup. */
export function rememberListed(tenantId: string, listed: readonly UserRow[]): void {
  if (listed.length <= MAX_FROM_LIST) for (const row of listed) rememberUser(tenantId, row);
}

export function forgetUser(tenantId: string, id: string): void {
  rows.delete(key(tenantId, id.toLowerCase()));
}
