import { v7 as uuidv7 } from 'uuid';
import {
  addScimMembers, deleteScimGroup, findScimGroup, insertScimGroup, isUniqueViolation, isUuid, keepOnlyScimMembers,
  listScimMembers, removeScimMembers, updateScimGroup, type ScimGroupRow, type TenantSql,
} from '../../db';
import { ScimError, scimNotFound } from '../errors';
import { checkIfMatch } from '../http';
import { scimChangeLog } from '../log-change';
import type { ScimContext } from '../scim-context';
import { toGroupResource } from './group-resource';
import { groupPatchPlan, readGroupBody, type GroupFields, type GroupPlan } from './group-input';

// Groups over SCIM. A write locks the group row for its transaction, so
// Entra's parallel member changes to one group queue up instead of failing;
// membership changes are set operations in SQL (lib/db/scim/groups.ts).

const notFound = (id: string) => scimNotFound(`No group with id ${JSON.stringify(id)} in this tenant.`);

function uniqueness(fields: GroupFields): ScimError {
  return new ScimError(409, `A group named ${JSON.stringify(fields.displayName)} already exists in this tenant.`, 'uniqueness');
}

/** Adds members, refusing the whole request (400, naming them) when some are not users of this tenant. */
async function addMembers(tx: TenantSql, groupId: string, ids: readonly string[]): Promise<void> {
  const unknown = [...ids.filter((id) => !isUuid(id)), ...(await addScimMembers(tx, groupId, ids.filter(isUuid)))];
  if (unknown.length > 0) {
    throw new ScimError(400, `These members are not users of this tenant: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`, 'invalidValue');
  }
}

async function applyMembers(tx: TenantSql, id: string, change: GroupPlan): Promise<void> {
  if (change.setMembers) {
    await keepOnlyScimMembers(tx, id, change.setMembers.filter(isUuid));
    await addMembers(tx, id, change.setMembers);
  }
  if (change.removeAll) await removeScimMembers(tx, id, 'all');
  await removeScimMembers(tx, id, change.remove.filter(isUuid));
  await addMembers(tx, id, change.add);
}

export async function getGroup(ctx: ScimContext, id: string, withMembers: boolean) {
  ctx.target = { type: 'Group', id };
  const group = isUuid(id) ? await findScimGroup(ctx.sql, id) : null;
  if (!group) throw notFound(id);
  return toGroupResource(group, withMembers ? await listScimMembers(ctx.sql, [id]) : null, ctx.baseUrl);
}

export async function createGroup(ctx: ScimContext, body: Record<string, unknown>) {
  const { fields, memberIds } = readGroupBody(body);
  const id = uuidv7();
  ctx.target = { type: 'Group', id };
  try {
    const resource = await ctx.sql.transaction(async (tx) => {
      const log = scimChangeLog(ctx, 'scim.group.create', { type: 'Group', id }, { displayName: fields.displayName, members: memberIds.length });
      const group = await insertScimGroup(tx, id, fields, log);
      await addMembers(tx, id, memberIds);
      return toGroupResource(group, await listScimMembers(tx, [id]), ctx.baseUrl);
    });
    ctx.logged = true;
    return resource;
  } catch (error) {
    throw isUniqueViolation(error) ? uniqueness(fields) : error;
  }
}

/** PUT and PATCH both come here with a plan: new fields, and members to set, add and remove. */
async function updateGroup<T>(
  ctx: ScimContext,
  id: string,
  action: string,
  plan: (current: ScimGroupRow) => GroupPlan,
  answer: (tx: TenantSql, group: ScimGroupRow) => Promise<T>,
): Promise<T> {
  ctx.target = { type: 'Group', id };
  if (!isUuid(id)) throw notFound(id);
  let fields: GroupFields | null = null;
  try {
    const result = await ctx.sql.transaction(async (tx) => {
      const current = await findScimGroup(tx, id, true);
      if (!current) throw notFound(id);
      checkIfMatch(ctx.request, current.version);
      const change = plan(current);
      fields = change.fields;
      await applyMembers(tx, id, change);
      const log = scimChangeLog(ctx, action, { type: 'Group', id }, {
        ...(current.displayName !== change.fields.displayName ? { displayName: `${current.displayName} → ${change.fields.displayName}` } : {}),
        added: change.add.length,
        removed: change.removeAll ? 'all' : change.remove.length,
        ...(change.setMembers ? { membersSet: change.setMembers.length } : {}),
      });
      return answer(tx, (await updateScimGroup(tx, id, change.fields, log))!);
    });
    ctx.logged = true;
    return result;
  } catch (error) {
    throw isUniqueViolation(error) && fields ? uniqueness(fields) : error;
  }
}

export function replaceGroup(ctx: ScimContext, id: string, body: Record<string, unknown>) {
  const { fields, memberIds } = readGroupBody(body);
  return updateGroup(
    ctx, id, 'scim.group.replace',
    () => ({ fields, setMembers: memberIds, add: [], remove: [], removeAll: false }),
    async (tx, group) => toGroupResource(group, await listScimMembers(tx, [id]), ctx.baseUrl),
  );
}

export async function patchGroup(ctx: ScimContext, id: string, body: Record<string, unknown>): Promise<void> {
  await updateGroup(ctx, id, 'scim.group.patch', (current) => groupPatchPlan(current, body), async () => undefined);
}

export async function deleteGroup(ctx: ScimContext, id: string): Promise<void> {
  ctx.target = { type: 'Group', id };
  if (!isUuid(id)) throw notFound(id);
  await ctx.sql.transaction(async (tx) => {
    const current = await findScimGroup(tx, id, true);
    if (!current) throw notFound(id);
    checkIfMatch(ctx.request, current.version);
    await deleteScimGroup(tx, id, scimChangeLog(ctx, 'scim.group.delete', { type: 'Group', id }, { displayName: current.displayName }));
  });
  ctx.logged = true;
}
