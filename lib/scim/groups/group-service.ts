import { isUniqueViolation, isUuid, tenantDb, type Group, type TenantDb, type TenantTx } from '../../db';
import { ScimError, scimNotFound } from '../errors';
import { checkIfMatch, retryOnConflict } from '../http';
import { logScimChange } from '../log-change';
import type { ScimContext } from '../scim-route';
import { toGroupResource, type MemberRow } from './group-resource';
import { groupPatchPlan, readGroupBody, type GroupFields } from './group-input';

// Groups over SCIM. Membership changes run as set operations in SQL, so a
// PATCH adding or removing thousands of members neither loads the group's
// members nor depends on which are already there (idempotent, reference §3.5).

const MEMBER_USER = { user: { select: { displayName: true, userName: true } } } as const;

const notFound = (id: string) => scimNotFound(`No group with id ${JSON.stringify(id)} in this tenant.`);

async function findGroup(db: Pick<TenantDb, 'group'>, id: string): Promise<Group | null> {
  return isUuid(id) ? db.group.findUnique({ where: { id } }) : null;
}

function members(db: Pick<TenantDb, 'groupMember'>, groupId: string): Promise<MemberRow[]> {
  return db.groupMember.findMany({ where: { groupId }, select: { userId: true, ...MEMBER_USER }, orderBy: { addedAt: 'asc' } });
}

/** Refuses ids that are not users of this tenant, naming them. */
async function checkMembers(tx: TenantTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const wellFormed = ids.filter(isUuid);
  const found = new Set((await tx.user.findMany({ where: { id: { in: wellFormed } }, select: { id: true } })).map((u) => u.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new ScimError(400, `These members are not users of this tenant: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`, 'invalidValue');
  }
}

async function addMembers(tx: TenantTx, tenantId: string, groupId: string, ids: readonly string[]): Promise<void> {
  await checkMembers(tx, ids);
  await tx.groupMember.createMany({ data: ids.map((userId) => ({ tenantId, groupId, userId })), skipDuplicates: true });
}


function uniqueness(fields: GroupFields): ScimError {
  return new ScimError(409, `A group named ${JSON.stringify(fields.displayName)} already exists in this tenant.`, 'uniqueness');
}

export async function getGroup(ctx: ScimContext, id: string, withMembers: boolean) {
  ctx.target = { type: 'Group', id };
  const db = tenantDb(ctx.tenant.id);
  const group = await findGroup(db, id);
  if (!group) throw notFound(id);
  return toGroupResource(group, withMembers ? await members(db, id) : null, ctx.baseUrl);
}

export async function createGroup(ctx: ScimContext, body: Record<string, unknown>) {
  const { fields, memberIds } = readGroupBody(body);
  try {
    const { group, list } = await tenantDb(ctx.tenant.id).$transaction(async (tx) => {
      const created = await tx.group.create({ data: { tenantId: ctx.tenant.id, ...fields } });
      await addMembers(tx, ctx.tenant.id, created.id, memberIds);
      await logScimChange(tx, ctx, 'scim.group.create', { type: 'Group', id: created.id }, { displayName: fields.displayName, members: memberIds.length });
      return { group: created, list: await members(tx, created.id) };
    });
    ctx.target = { type: 'Group', id: group.id };
    return toGroupResource(group, list, ctx.baseUrl);
  } catch (error) {
    throw isUniqueViolation(error) ? uniqueness(fields) : error;
  }
}

/** PUT and PATCH both come here with a plan: new fields, and members to set, add and remove. */
async function updateGroup(ctx: ScimContext, id: string, action: string, plan: (current: Group) => ReturnType<typeof groupPatchPlan>) {
  ctx.target = { type: 'Group', id };
  let fields: GroupFields | null = null;
  try {
    return await retryOnConflict(ctx.request, () => tenantDb(ctx.tenant.id).$transaction(async (tx) => {
      const current = await findGroup(tx, id);
      if (!current) throw notFound(id);
      checkIfMatch(ctx.request, current.version);
      const change = plan(current);
      fields = change.fields;
      const { count } = await tx.group.updateMany({ where: { id, version: current.version }, data: { ...change.fields, version: current.version + 1 } });
      if (count === 0) throw new ScimError(412, 'The group was changed by another request; fetch it again and retry.');
      if (change.setMembers) {
        await tx.groupMember.deleteMany({ where: { groupId: id, userId: { notIn: change.setMembers } } });
        await addMembers(tx, ctx.tenant.id, id, change.setMembers);
      }
      if (change.removeAll) await tx.groupMember.deleteMany({ where: { groupId: id } });
      if (change.remove.length > 0) await tx.groupMember.deleteMany({ where: { groupId: id, userId: { in: change.remove.filter(isUuid) } } });
      if (change.add.length > 0) await addMembers(tx, ctx.tenant.id, id, change.add);
      await logScimChange(tx, ctx, action, { type: 'Group', id }, {
        ...(current.displayName !== change.fields.displayName ? { displayName: `${current.displayName} → ${change.fields.displayName}` } : {}),
        added: change.add.length,
        removed: change.removeAll ? 'all' : change.remove.length,
        ...(change.setMembers ? { membersSet: change.setMembers.length } : {}),
      });
      return (await findGroup(tx, id))!;
    }));
  } catch (error) {
    throw isUniqueViolation(error) && fields ? uniqueness(fields) : error;
  }
}

export async function replaceGroup(ctx: ScimContext, id: string, body: Record<string, unknown>) {
  const { fields, memberIds } = readGroupBody(body);
  const group = await updateGroup(ctx, id, 'scim.group.replace', () => ({ fields, setMembers: memberIds, add: [], remove: [], removeAll: false }));
  return toGroupResource(group, await members(tenantDb(ctx.tenant.id), id), ctx.baseUrl);
}

export async function patchGroup(ctx: ScimContext, id: string, body: Record<string, unknown>): Promise<void> {
  await updateGroup(ctx, id, 'scim.group.patch', (current) => groupPatchPlan(current, body));
}

export async function deleteGroup(ctx: ScimContext, id: string): Promise<void> {
  ctx.target = { type: 'Group', id };
  await tenantDb(ctx.tenant.id).$transaction(async (tx) => {
    const current = await findGroup(tx, id);
    if (!current) throw notFound(id);
    checkIfMatch(ctx.request, current.version);
    await tx.group.delete({ where: { id } });
    await logScimChange(tx, ctx, 'scim.group.delete', { type: 'Group', id }, { displayName: current.displayName });
  });
}
