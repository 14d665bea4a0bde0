import { v7 as uuidv7 } from 'uuid';
import {
  addScimMembers,
  changeScimGroup,
  deleteScimGroup,
  findScimGroup,
  insertScimGroup,
  isUniqueViolation,
  isUuid,
  listScimMembers,
  type ProvisioningLogRow,
  type ScimGroupChangeResult,
  type ScimGroupRow,
  type TenantSql,
} from '../../db';
import { ScimError, scimNotFound } from '../errors';
import { checkIfMatch, retryOnConflict } from '../http';
import { provisioningLogEntry } from '../provisioning-log-entry';
import type { ScimContext, Written } from '../scim-context';
import { toGroupResource } from './group-resource';
import { groupPatchPlan, readGroupBody, type GroupFields, type GroupPlan } from './group-input';

// Groups over SCIM. A PATCH or PUT is one statement (lib/db/scim/groups.ts)
// that checks the members, changes them as sets and moves the version on.
// The group is read first only when the change depends on it (a PATCH of its
// fields) or the client sent If-Match; then the statement also checks that
// the version is still the one read, and a conflict is retried.

const notFound = (id: string) => scimNotFound(`No group with id ${JSON.stringify(id)} in this tenant.`);

function uniqueness(fields: GroupFields): ScimError {
  return new ScimError(409, `A group named ${JSON.stringify(fields.displayName)} already exists in this tenant.`, 'uniqueness');
}

function unknownMembers(ids: readonly string[]): ScimError {
  return new ScimError(400, `These members are not users of this tenant: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`, 'invalidValue');
}

/** Adds members on create, refusing the whole request (400, naming them) when some are not users of this tenant. */
async function addMembers(tx: TenantSql, groupId: string, ids: readonly string[]): Promise<void> {
  const unknown = [...ids.filter((id) => !isUuid(id)), ...(await addScimMembers(tx, groupId, ids.filter(isUuid)))];
  if (unknown.length > 0) throw unknownMembers(unknown);
}

export async function getGroup(ctx: ScimContext, id: string, withMembers: boolean) {
  const group = isUuid(id) ? await findScimGroup(ctx.sql, id) : null;
  if (!group) throw notFound(id);
  return toGroupResource(group, withMembers ? await listScimMembers(ctx.sql, [id]) : null, ctx.baseUrl);
}

export async function createGroup(ctx: ScimContext, body: Record<string, unknown>): Promise<Written<Record<string, unknown>>> {
  const { fields, memberIds } = readGroupBody(body);
  const id = uuidv7();
  const entry = provisioningLogEntry(ctx, 'scim.group.create', { type: 'Group', id }, { displayName: fields.displayName, members: memberIds.length });
  try {
    const resource = await ctx.sql.transaction(async (tx) => {
      const group = await insertScimGroup(tx, id, fields, entry);
      await addMembers(tx, id, memberIds);
      return toGroupResource(group, await listScimMembers(tx, [id]), ctx.baseUrl);
    });
    return { resource, entry };
  } catch (error) {
    throw isUniqueViolation(error) ? uniqueness(fields) : error;
  }
}

/** PUT and PATCH both come here with a plan: new fields (or none), and members to set, add and remove. */
async function updateGroup(ctx: ScimContext, id: string, action: string, plan: (current: ScimGroupRow | null) => GroupPlan): Promise<Written<ScimGroupRow>> {
  if (!isUuid(id)) throw notFound(id);
  const ifMatch = ctx.request.header('if-match');
  return retryOnConflict(ctx.request, async () => {
    let current: ScimGroupRow | null = null;
    let change = plan(null);
    if (change.needsCurrent || (ifMatch && ifMatch.trim() !== '*')) {
      current = await findScimGroup(ctx.sql, id);
      if (!current) throw notFound(id);
      checkIfMatch(ctx.request, current.version);
      change = plan(current);
    }
    const keep = change.setMembers ?? change.add;
    const malformed = keep.filter((member) => !isUuid(member));
    if (malformed.length > 0) throw unknownMembers(malformed);
    const entry = provisioningLogEntry(
      ctx,
      action,
      { type: 'Group', id },
      {
        ...(current && change.fields && current.displayName !== change.fields.displayName
          ? { displayName: `${current.displayName} → ${change.fields.displayName}` }
          : {}),
        ...(change.fields && !current ? { displayName: change.fields.displayName } : {}),
        added: change.add.length,
        removed: change.removeAll ? 'all' : change.remove.length,
        ...(change.setMembers ? { membersSet: change.setMembers.length } : {}),
      },
    );
    let result: ScimGroupChangeResult;
    try {
      result = await changeScimGroup(
        ctx.sql,
        id,
        {
          fields: change.fields,
          expectedVersion: current?.version ?? null,
          keep,
          removeOthers: change.removeAll || change.setMembers !== null,
          remove: change.remove.filter(isUuid),
        },
        entry,
      );
    } catch (error) {
      throw isUniqueViolation(error) && change.fields ? uniqueness(change.fields) : error;
    }
    if (!result.groupExists) throw notFound(id);
    if (result.unknownMembers.length > 0) throw unknownMembers(result.unknownMembers);
    // Read, then changed by another request before the write: retried (or 412 with If-Match).
    if (!result.group) throw new ScimError(412, 'The group was changed by another request; fetch it again and retry.');
    return { resource: result.group, entry };
  });
}

export async function replaceGroup(ctx: ScimContext, id: string, body: Record<string, unknown>): Promise<Written<Record<string, unknown>>> {
  const { fields, memberIds } = readGroupBody(body);
  const { resource: group, entry } = await updateGroup(ctx, id, 'scim.group.replace', () => ({
    fields,
    setMembers: memberIds,
    add: [],
    remove: [],
    removeAll: false,
    needsCurrent: false,
  }));
  return { resource: toGroupResource(group, await listScimMembers(ctx.sql, [id]), ctx.baseUrl), entry };
}

/** The group's new row is not read back: Entra wants 204 from a group PATCH. */
export async function patchGroup(ctx: ScimContext, id: string, body: Record<string, unknown>): Promise<ProvisioningLogRow> {
  return (await updateGroup(ctx, id, 'scim.group.patch', (current) => groupPatchPlan(current, body))).entry;
}

export async function deleteGroup(ctx: ScimContext, id: string): Promise<ProvisioningLogRow> {
  if (!isUuid(id)) throw notFound(id);
  return ctx.sql.transaction(async (tx) => {
    const current = await findScimGroup(tx, id, true);
    if (!current) throw notFound(id);
    checkIfMatch(ctx.request, current.version);
    const entry = provisioningLogEntry(ctx, 'scim.group.delete', { type: 'Group', id }, { displayName: current.displayName });
    await deleteScimGroup(tx, id, entry);
    return entry;
  });
}
