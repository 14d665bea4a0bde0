import { searchScimUsers } from '../../db';
import { compileFilter, compileSortBy } from '../filter/compile-filter';
import { parseScimFilter } from '../filter/parse-filter';
import { readListQuery, type ListQuery } from '../list-query';
import { listResponse, type ListResponse } from '../list-response';
import { projectAttributes } from '../project-attributes';
import { USER_EXTENSION_URNS } from '../schema';
import type { ScimContext } from '../scim-context';
import { rememberListed } from './recent-users';
import { toUserResource } from './user-resource';

// GET /Users: the filter and sort run as SQL (lib/db/scim/search.ts), and only
// the page asked for is loaded and shaped.

export async function listUsers(ctx: ScimContext, query: ListQuery): Promise<ListResponse<Record<string, unknown>>> {
  const where = query.filter ? compileFilter(parseScimFilter(query.filter), 'User', 2) : null;
  const sort = query.sortBy ? compileSortBy(query.sortBy, query.sortOrder, 'User') : null;
  const { rows, total } = await searchScimUsers(ctx.sql, where, sort, query.startIndex, query.count);
  rememberListed(ctx.tenant.id, rows);
  const resources = rows.map((row) => projectAttributes(toUserResource(row, ctx.baseUrl), query.attributes, query.excludedAttributes, USER_EXTENSION_URNS));
  return listResponse(resources, total, query.startIndex);
}

/** GET /Users/{id} honours attributes/excludedAttributes too (RFC 7644 §3.4.1). */
export function projectedResource(ctx: ScimContext, resource: Record<string, unknown>): Record<string, unknown> {
  const query = readListQuery(ctx.request.url);
  return projectAttributes(resource, query.attributes, query.excludedAttributes, USER_EXTENSION_URNS);
}
