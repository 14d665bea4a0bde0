import { deleteGroup, getGroup, patchGroup, replaceGroup } from '@/lib/scim/groups/group-service';
import { projectedGroup, wantsMembers } from '@/lib/scim/groups/list-groups';
import { noContent, readJsonBody, resourceResponse } from '@/lib/scim/http';
import { readListQuery } from '@/lib/scim/list-query';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';

const id = (params: Record<string, unknown>) => String(params.id);

export const GET = scimRoute(async (ctx) => {
  const query = readListQuery(new URL(ctx.request.url));
  return resourceResponse(projectedGroup(query, await getGroup(ctx, id(ctx.params), wantsMembers(query))));
});
export const PUT = scimRoute(async (ctx) => resourceResponse(await replaceGroup(ctx, id(ctx.params), await readJsonBody(ctx.request))));
// Entra expects 204 from a group PATCH (reference §1.13–1.15).
export const PATCH = scimRoute(async (ctx) => {
  await patchGroup(ctx, id(ctx.params), await readJsonBody(ctx.request));
  return noContent();
});
export const DELETE = scimRoute(async (ctx) => {
  await deleteGroup(ctx, id(ctx.params));
  return noContent();
});
export const POST = methodNotAllowed(['GET', 'PUT', 'PATCH', 'DELETE']);
