import { listScimMembers, searchScimGroups, type ScimMemberRow } from '../../db';
import { compileFilter, compileSortBy } from '../filter/compile-filter';
import { parseScimFilter } from '../filter/parse-filter';
import type { ListQuery } from '../list-query';
import { listResponse, type ListResponse } from '../list-response';
import { projectAttributes } from '../project-attributes';
import type { ScimContext } from '../scim-context';
import { toGroupResource } from './group-resource';

// GET /Groups. Entra always sends excludedAttributes=members (Microsoft's SCIM tutorial, https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups),
// and then no membership row is read at all.

export function wantsMembers(query: ListQuery): boolean {
  const named = (list: string[]) => list.some((a) => a.toLowerCase() === 'members' || a.toLowerCase().startsWith('members.'));
  if (named(query.excludedAttributes)) return false;
  return query.attributes.length === 0 || named(query.attributes);
}

export function projectedGroup(query: ListQuery, resource: Record<string, unknown>): Record<string, unknown> {
  return projectAttributes(resource, query.attributes, query.excludedAttributes, []);
}

/** Members per group id, in the order they were added. */
function membersByGroup(rows: readonly ScimMemberRow[]): Map<string, ScimMemberRow[]> {
  const byGroup = new Map<string, ScimMemberRow[]>();
  for (const row of rows) {
    const list = byGroup.get(row.groupId);
    if (list) list.push(row);
    else byGroup.set(row.groupId, [row]);
  }
  return byGroup;
}

export async function listGroups(ctx: ScimContext, query: ListQuery): Promise<ListResponse<Record<string, unknown>>> {
  const where = query.filter ? compileFilter(parseScimFilter(query.filter), 'Group', 2) : null;
  const sort = query.sortBy ? compileSortBy(query.sortBy, query.sortOrder, 'Group') : null;
  const { rows, total } = await searchScimGroups(ctx.sql, where, sort, query.startIndex, query.count);
  const withMembers = wantsMembers(query);
  const members = withMembers
    ? membersByGroup(
        await listScimMembers(
          ctx.sql,
          rows.map((g) => g.id),
        ),
      )
    : null;
  const resources = rows.map((g) => projectedGroup(query, toGroupResource(g, members ? (members.get(g.id) ?? []) : null, ctx.baseUrl)));
  return listResponse(resources, total, query.startIndex);
}
