import { searchScimResources, tenantDb } from '../../db';
import { compileFilter, compileSortBy } from '../filter/compile-filter';
import { parseScimFilter } from '../filter/parse-filter';
import type { ListQuery } from '../list-query';
import { listResponse, type ListResponse } from '../list-response';
import { projectAttributes } from '../project-attributes';
import type { ScimContext } from '../scim-route';
import { toGroupResource, type MemberRow } from './group-resource';

// GET /Groups. Entra always sends excludedAttributes=members (reference §1.11–1.12),
// and then no membership row is read at all.

export function wantsMembers(query: ListQuery): boolean {
  const named = (list: string[]) => list.some((a) => a.toLowerCase() === 'members' || a.toLowerCase().startsWith('members.'));
  if (named(query.excludedAttributes)) return false;
  return query.attributes.length === 0 || named(query.attributes);
}

export function projectedGroup(query: ListQuery, resource: Record<string, unknown>): Record<string, unknown> {
  return projectAttributes(resource, query.attributes, query.excludedAttributes, []);
}

export async function listGroups(ctx: ScimContext, query: ListQuery): Promise<ListResponse<Record<string, unknown>>> {
  const where = query.filter ? compileFilter(parseScimFilter(query.filter), 'Group', 2) : null;
  const sort = query.sortBy ? compileSortBy(query.sortBy, query.sortOrder, 'Group') : null;
  const { ids, total } = await searchScimResources(ctx.tenant.id, 'Group', where, sort, query.startIndex, query.count);
  const db = tenantDb(ctx.tenant.id);
  const groups = ids.length ? await db.group.findMany({ where: { id: { in: ids } } }) : [];
  const members = new Map<string, MemberRow[]>();
  if (wantsMembers(query) && ids.length) {
    const rows = await db.groupMember.findMany({
      where: { groupId: { in: ids } },
      select: { groupId: true, userId: true, user: { select: { displayName: true, userName: true } } },
      orderBy: { addedAt: 'asc' },
    });
    for (const row of rows) {
      const list = members.get(row.groupId) ?? [];
      list.push(row);
      members.set(row.groupId, list);
    }
  }
  const byId = new Map(groups.map((g) => [g.id, g]));
  const resources = ids
    .map((id) => byId.get(id))
    .filter((g) => g !== undefined)
    .map((g) => projectedGroup(query, toGroupResource(g, wantsMembers(query) ? (members.get(g.id) ?? []) : null, ctx.baseUrl)));
  return listResponse(resources, total, query.startIndex);
}
