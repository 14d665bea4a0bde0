import type { ScimGroupValues } from '../../db';
import { ScimError } from '../errors';
import { MAX_MEMBERS_PER_REQUEST } from '../limits';
import { applyPatch } from '../patch/apply-patch';
import { equalityFields, parsePath, readPatchRequest, type PatchOperation } from '../patch/patch-request';
import { GROUP_DOCUMENT } from '../schema';

// Group bodies and PATCH requests, read into the group's own fields and a
// membership plan. Entra's forms (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups): members added as
// [{"value": id, "$ref": null}], removed by a value array or by
// `members[value eq "id"]`; only a bare remove of `members` removes everyone.

/** The group's own columns (lib/db/scim/tables.ts). */
export type GroupFields = ScimGroupValues;

export interface GroupPlan {
  /** The group's new displayName and externalId; null when the request leaves them alone. */
  fields: GroupFields | null;
  /** PUT, or replace of members: exactly these (then add/remove are empty). */
  setMembers: string[] | null;
  add: string[];
  remove: string[];
  removeAll: boolean;
  /** Set when `fields` could not be computed because the current fields were not given. */
  needsCurrent: boolean;
}

const invalid = (detail: string) => new ScimError(400, detail, 'invalidValue');

function fieldsOf(doc: Record<string, unknown>): GroupFields {
  const { displayName, externalId } = doc;
  if (typeof displayName !== 'string' || !displayName.trim()) throw invalid('displayName is required.');
  if (externalId !== undefined && externalId !== null && typeof externalId !== 'string') throw invalid('externalId must be a string.');
  return { displayName, externalId: (externalId as string | undefined) ?? null };
}

function tooManyMembers(count: number): ScimError {
  return new ScimError(413, `A request may name at most ${MAX_MEMBERS_PER_REQUEST} members; this one names ${count}. Send them in several PATCH requests.`);
}

function memberIds(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_MEMBERS_PER_REQUEST) throw tooManyMembers(list.length);
  return list.map((member, index) => {
    const id = member && typeof member === 'object' ? (member as Record<string, unknown>).value : member;
    if (typeof id !== 'string' || !id) throw invalid(`members[${index}] needs a "value" with the user's id.`);
    return id;
  });
}

function pick(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? body[key] : undefined;
}

export function readGroupBody(body: Record<string, unknown>): { fields: GroupFields; memberIds: string[] } {
  return {
    fields: fieldsOf({ displayName: pick(body, 'displayName'), externalId: pick(body, 'externalId') }),
    memberIds: [...new Set(memberIds(pick(body, 'members')))],
  };
}

/**
 * A PATCH as a plan. The group's current fields are needed only when the
 * request changes them: without them, such a plan comes back with
 * `needsCurrent`, and a members-only PATCH is planned without reading the group.
 */
export function groupPatchPlan(current: GroupFields | null, body: Record<string, unknown>): GroupPlan {
  const fieldOps: PatchOperation[] = [];
  // Sets, so that a thousand operations of a thousand members each cost linear time.
  let setMembers = null as Set<string> | null;
  const add = new Set<string>();
  const remove = new Set<string>();
  let removeAll = false;

  const memberOp = (op: PatchOperation['op'], ids: string[], all: boolean) => {
    if (op === 'replace') {
      setMembers = new Set(ids);
      add.clear();
      remove.clear();
      removeAll = false;
    } else if (setMembers) {
      if (op === 'add') for (const id of ids) setMembers.add(id);
      else if (all) setMembers.clear();
      else for (const id of ids) setMembers.delete(id);
    } else if (op === 'add') {
      for (const id of ids) {
        add.add(id);
        remove.delete(id);
      }
    } else if (all) {
      removeAll = true;
      add.clear();
      remove.clear();
    } else {
      for (const id of ids) {
        remove.add(id);
        add.delete(id);
      }
    }
  };

  for (const operation of readPatchRequest(body)) {
    const { op, path, value } = operation;
    if (path) {
      const parsed = parsePath(path, []);
      if (parsed.urn || parsed.attribute.toLowerCase() !== 'members') {
        fieldOps.push(operation);
        continue;
      }
      if (parsed.filter) {
        const id = equalityFields(parsed.filter).value;
        if (typeof id !== 'string') throw new ScimError(400, `Cannot tell which member ${JSON.stringify(path)} names.`, 'invalidPath');
        memberOp(op === 'remove' ? 'remove' : 'add', [id], false);
      } else {
        // Only a bare remove (no value) removes everyone; "value": [] removes no one.
        memberOp(op, memberIds(value), op === 'remove' && (value === undefined || value === null));
      }
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ScimError(400, `A ${op} without a path needs an object value.`, 'invalidPath');
    const rest = { ...(value as Record<string, unknown>) };
    const membersKey = Object.keys(rest).find((k) => k.toLowerCase() === 'members');
    if (membersKey) {
      memberOp(op, memberIds(rest[membersKey]), false);
      delete rest[membersKey];
    }
    if (Object.keys(rest).length > 0) fieldOps.push({ op, path: null, value: rest });
  }
  const named = (setMembers?.size ?? 0) + add.size + remove.size;
  if (named > MAX_MEMBERS_PER_REQUEST) throw tooManyMembers(named);
  const plan: GroupPlan = { fields: null, setMembers: setMembers && [...setMembers], add: [...add], remove: [...remove], removeAll, needsCurrent: false };
  if (fieldOps.length > 0) {
    if (current) plan.fields = fieldsOf(applyPatch({ displayName: current.displayName, externalId: current.externalId }, fieldOps, GROUP_DOCUMENT));
    else plan.needsCurrent = true;
  }
  return plan;
}
