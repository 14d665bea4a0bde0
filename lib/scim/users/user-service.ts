import { v7 as uuidv7 } from 'uuid';
import { deleteScimUser, findScimUser, insertScimUser, isMissingReference, isUniqueViolation, isUuid, updateScimUser, type ProvisioningLogRow } from '../../db';
import { changeDetails } from '../change-details';
import { ScimError, scimNotFound } from '../errors';
import { checkIfMatch, retryOnConflict } from '../http';
import { provisioningLogEntry } from '../provisioning-log-entry';
import { applyPatch } from '../patch/apply-patch';
import type { DocumentSchema } from '../patch/document-schema';
import { readPatchRequest, type PatchOperation } from '../patch/patch-request';
import type { ScimContext, Written } from '../scim-context';
import { managerReference, USER_DOCUMENT } from '../schema';
import { canonicalUser } from './user-attributes';
import { userColumns, type UserColumns } from './user-columns';
import { forgetUser, recentUser, rememberUser } from './recent-users';
import { toUserResource, type UserRow } from './user-resource';

// Users over SCIM. A change starts from the current row (the one this process
// last read or wrote, else a read: recent-users.ts), checks If-Match, computes
// the new columns and writes them with an optimistic version check in one
// statement that also logs what changed (lib/db/scim/users.ts).

/** What a user PATCH edits (lib/scim/schema); tests apply it directly. */
export const USER_SCHEMA: DocumentSchema = USER_DOCUMENT;

function notFound(id: string): ScimError {
  return scimNotFound(`No user with id ${JSON.stringify(id)} in this tenant.`);
}

/**
 * A manager id that names no user of the tenant is kept as sent (docs/scim.md):
 * Entra's ordering, retries and deletions make one dangle for a while. Only
 * the person themselves is refused: no later request can make that right.
 */
function checkNotOwnManager(columns: UserColumns, selfId: string): void {
  if (columns.managerId?.toLowerCase() === selfId) {
    throw new ScimError(400, 'manager is the user themselves; send the SCIM id of another user.', 'invalidValue');
  }
}

const CHANGED_MEANWHILE = 'The user was changed by another request; fetch it again and retry.';

/** The client-facing error of a failed write; anything else is passed on. */
function writeError(error: unknown, columns: UserColumns): unknown {
  if (isUniqueViolation(error))
    return new ScimError(409, `A user with userName ${JSON.stringify(columns.userName)} already exists in this tenant.`, 'uniqueness');
  // The manager was deleted between the statement's lookup and its foreign key check: retried, and then kept unresolved.
  if (isMissingReference(error) && columns.managerId) return new ScimError(412, CHANGED_MEANWHILE);
  return error;
}

async function findRow(ctx: ScimContext, id: string): Promise<UserRow | null> {
  const row = isUuid(id) ? await findScimUser(ctx.sql, id) : null;
  if (row) rememberUser(ctx.tenant.id, row);
  else forgetUser(ctx.tenant.id, id);
  return row;
}

export async function getUser(ctx: ScimContext, id: string): Promise<Record<string, unknown>> {
  const row = await findRow(ctx, id);
  if (!row) throw notFound(id);
  return toUserResource(row, ctx.baseUrl);
}

export async function createUser(ctx: ScimContext, body: Record<string, unknown>): Promise<Written<Record<string, unknown>>> {
  const columns = userColumns(canonicalUser(body));
  const id = uuidv7();
  const entry = provisioningLogEntry(ctx, 'scim.user.create', { type: 'User', id }, changeDetails(null, { ...columns }));
  const row = await retryOnConflict(ctx.request, async () => {
    try {
      return await insertScimUser(ctx.sql, id, columns, entry);
    } catch (error) {
      throw writeError(error, columns);
    }
  });
  rememberUser(ctx.tenant.id, row);
  return { resource: toUserResource(row, ctx.baseUrl), entry };
}

/** Shared by PUT and PATCH: `next` computes the new columns from the current row. */
async function updateUser(ctx: ScimContext, id: string, action: string, next: (current: UserRow) => UserColumns): Promise<Written<Record<string, unknown>>> {
  const write = async (current: UserRow): Promise<{ row: UserRow; entry: ProvisioningLogRow }> => {
    checkIfMatch(ctx.request, current.version);
    const columns = next(current);
    checkNotOwnManager(columns, id);
    const before = { ...current, managerId: managerReference(current) };
    const entry = provisioningLogEntry(ctx, action, { type: 'User', id }, changeDetails(before, { ...columns }));
    try {
      const updated = await updateScimUser(ctx.sql, id, current.version, columns, entry);
      // Another request changed (or deleted) the row since we read it: as if If-Match had failed.
      if (!updated) throw new ScimError(412, CHANGED_MEANWHILE);
      return { row: updated, entry };
    } catch (error) {
      throw writeError(error, columns);
    }
  };
  const { row, entry } = await retryOnConflict(ctx.request, async () => {
    // The row this process last saw spares the read (recent-users.ts). It may be
    // stale, so whatever goes wrong from it (a changed version, an If-Match or a
    // PATCH filter that no longer holds) is decided again from a fresh read.
    const recent = recentUser(ctx.tenant.id, id);
    if (recent) {
      try {
        return await write(recent);
      } catch {
        forgetUser(ctx.tenant.id, id);
      }
    }
    const current = await findRow(ctx, id);
    if (!current) throw notFound(id);
    return write(current);
  });
  rememberUser(ctx.tenant.id, row);
  return { resource: toUserResource(row, ctx.baseUrl), entry };
}

/** The columns a PUT of `body` leaves: what it sends, and `active` as it was when it sends none (RFC 7644 §3.5.1). */
export function replacedUserColumns(current: Pick<UserRow, 'active'>, body: Record<string, unknown>): UserColumns {
  return userColumns(canonicalUser(body), current.active);
}

/** The columns a PATCH leaves: its operations applied to the current resource; a removed `active` keeps its value. */
export function patchedUserColumns(current: UserRow, operations: readonly PatchOperation[], baseUrl: string): UserColumns {
  const doc = canonicalUser(toUserResource(current, baseUrl));
  return userColumns(applyPatch(doc, operations, USER_SCHEMA), current.active);
}

export function replaceUser(ctx: ScimContext, id: string, body: Record<string, unknown>) {
  return updateUser(ctx, id, 'scim.user.replace', (current) => replacedUserColumns(current, body));
}

export function patchUser(ctx: ScimContext, id: string, body: Record<string, unknown>) {
  const operations = readPatchRequest(body);
  return updateUser(ctx, id, 'scim.user.patch', (current) => patchedUserColumns(current, operations, ctx.baseUrl));
}

/** Hard delete (Entra sends DELETE 30 days after a soft delete). Reports lose their manager; pages are kept. */
export async function deleteUser(ctx: ScimContext, id: string): Promise<ProvisioningLogRow> {
  if (!isUuid(id)) throw notFound(id);
  const entry = await ctx.sql.transaction(async (tx) => {
    const current = await findScimUser(tx, id, true);
    if (!current) throw notFound(id);
    checkIfMatch(ctx.request, current.version);
    const deleted = provisioningLogEntry(ctx, 'scim.user.delete', { type: 'User', id }, { userName: current.userName });
    await deleteScimUser(tx, id, deleted);
    return deleted;
  });
  forgetUser(ctx.tenant.id, id);
  return entry;
}
