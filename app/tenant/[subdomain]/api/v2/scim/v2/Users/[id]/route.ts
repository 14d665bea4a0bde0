import { noContent, readJsonBody, resourceResponse } from '@/lib/scim/http';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';
import { deleteUser, getUser, patchUser, replaceUser } from '@/lib/scim/users/user-service';
import { projectedResource } from '@/lib/scim/users/list-users';

const id = (params: Record<string, unknown>) => String(params.id);

export const GET = scimRoute(async (ctx) => resourceResponse(projectedResource(ctx, await getUser(ctx, id(ctx.params)))));
export const PUT = scimRoute(async (ctx) => resourceResponse(await replaceUser(ctx, id(ctx.params), await readJsonBody(ctx.request))));
export const PATCH = scimRoute(async (ctx) => resourceResponse(await patchUser(ctx, id(ctx.params), await readJsonBody(ctx.request))));
export const DELETE = scimRoute(async (ctx) => {
  await deleteUser(ctx, id(ctx.params));
  return noContent();
});
export const POST = methodNotAllowed(['GET', 'PUT', 'PATCH', 'DELETE']);
