import { isUniqueViolation, isUuid, tenantDb, type TenantDb, type TenantTx } from '../../db';
import { changeDetails } from '../change-details';
import { ScimError, scimNotFound } from '../errors';
import { checkIfMatch, retryOnConflict } from '../http';
import { applyPatch, type DocumentSchema } from '../patch/apply-patch';
import { readPatchRequest } from '../patch/patch-request';
import { logScimChange } from '../log-change';
import type { ScimContext } from '../scim-route';
import { canonicalUser, CORE_ATTRIBUTES, ENTERPRISE, ENTERPRISE_ATTRIBUTES } from './user-attributes';
import { userColumns, type UserColumns } from './user-columns';
import { toUserResource, type UserRow } from './user-resource';

// Users over SCIM: each write is one transaction that re-reads the row, checks
// If-Match, writes with an optimistic version check and logs what changed.

export const USER_SCHEMA: DocumentSchema = { core: CORE_ATTRIBUTES, extensions: { [ENTERPRISE]: ENTERPRISE_ATTRIBUTES } };
const WITH_MANAGER = { manager: { select: { displayName: true, userName: true } } } as const;


function notFound(id: string): ScimError {
  return scimNotFound(`No user with id ${JSON.stringify(id)} in this tenant.`);
}

async function findRow(db: Pick<TenantDb, 'user'>, id: string): Promise<UserRow | null> {
  if (!isUuid(id)) return null;
  return db.user.findUnique({ where: { id }, include: WITH_MANAGER });
}

async function checkManager(tx: TenantTx, managerId: string | null, selfId: string | null): Promise<void> {
  if (!managerId) return;
  const exists = isUuid(managerId) && managerId !== selfId && (await tx.user.count({ where: { id: managerId } })) > 0;
  if (!exists) {
    throw new ScimError(400, `manager ${JSON.stringify(managerId)} is not another user of this tenant; send the manager's SCIM id.`, 'invalidValue');
  }
}

function uniqueness(columns: UserColumns): ScimError {
  return new ScimError(409, `A user with userName ${JSON.stringify(columns.userName)} already exists in this tenant.`, 'uniqueness');
}


export async function getUser(ctx: ScimContext, id: string): Promise<Record<string, unknown>> {
  ctx.target = { type: 'User', id };
  const row = await findRow(tenantDb(ctx.tenant.id), id);
  if (!row) throw notFound(id);
  return toUserResource(row, ctx.baseUrl);
}

export async function createUser(ctx: ScimContext, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const columns = userColumns(canonicalUser(body));
  try {
    const row = await tenantDb(ctx.tenant.id).$transaction(async (tx) => {
      await checkManager(tx, columns.managerId, null);
      const created = await tx.user.create({ data: { tenantId: ctx.tenant.id, ...columns }, include: WITH_MANAGER });
      await logScimChange(tx, ctx, 'scim.user.create', { type: 'User', id: created.id }, changeDetails(null, { ...columns }));
      return created;
    });
    ctx.target = { type: 'User', id: row.id };
    return toUserResource(row, ctx.baseUrl);
  } catch (error) {
    throw isUniqueViolation(error) ? uniqueness(columns) : error;
  }
}

/** Shared by PUT and PATCH: `next` computes the new columns from the current row. */
async function updateUser(
  ctx: ScimContext,
  id: string,
  action: string,
  next: (current: UserRow) => UserColumns,
): Promise<Record<string, unknown>> {
  ctx.target = { type: 'User', id };
  let attempted: UserColumns | null = null;
  try {
    const row = await retryOnConflict(ctx.request, () => tenantDb(ctx.tenant.id).$transaction(async (tx) => {
      const current = await findRow(tx, id);
      if (!current) throw notFound(id);
      checkIfMatch(ctx.request, current.version);
      const columns = (attempted = next(current));
      await checkManager(tx, columns.managerId, id);
      const { count } = await tx.user.updateMany({ where: { id, version: current.version }, data: { ...columns, version: current.version + 1 } });
      // Another request changed the row since we read it: as if If-Match had failed.
      if (count === 0) throw new ScimError(412, 'The user was changed by another request; fetch it again and retry.');
      await logScimChange(tx, ctx, action, { type: 'User', id }, changeDetails(current as unknown as Record<string, unknown>, { ...columns }));
      return (await findRow(tx, id))!;
    }));
    return toUserResource(row, ctx.baseUrl);
  } catch (error) {
    throw isUniqueViolation(error) && attempted ? uniqueness(attempted) : error;
  }
}

export function replaceUser(ctx: ScimContext, id: string, body: Record<string, unknown>) {
  const columns = userColumns(canonicalUser(body));
  return updateUser(ctx, id, 'scim.user.replace', () => columns);
}

export function patchUser(ctx: ScimContext, id: string, body: Record<string, unknown>) {
  const operations = readPatchRequest(body);
  return updateUser(ctx, id, 'scim.user.patch', (current) => {
    const doc = canonicalUser(toUserResource(current, ctx.baseUrl));
    return userColumns(applyPatch(doc, operations, USER_SCHEMA));
  });
}

/** Hard delete (Entra sends DELETE 30 days after a soft delete). Reports lose their manager; pages are kept. */
export async function deleteUser(ctx: ScimContext, id: string): Promise<void> {
  ctx.target = { type: 'User', id };
  await tenantDb(ctx.tenant.id).$transaction(async (tx) => {
    const current = await findRow(tx, id);
    if (!current) throw notFound(id);
    checkIfMatch(ctx.request, current.version);
    // The composite keys are NO ACTION: clear every reference to the person first.
    await tx.user.updateMany({ where: { managerId: id }, data: { managerId: null } });
    await tx.wikiPage.updateMany({ where: { ownerId: id }, data: { ownerId: null } });
    await tx.pageRevision.updateMany({ where: { authorId: id }, data: { authorId: null } });
    await tx.serviceAccount.updateMany({ where: { createdById: id }, data: { createdById: null } });
    await tx.apiToken.updateMany({ where: { createdById: id }, data: { createdById: null } });
    await tx.user.delete({ where: { id } });
    await logScimChange(tx, ctx, 'scim.user.delete', { type: 'User', id }, { userName: current.userName });
  });
}
