import { findResourceType, resourceTypes } from '@/lib/scim/discovery/resource-types';
import { scimNotFound } from '@/lib/scim/errors';
import { scimJson } from '@/lib/scim/http';
import { listResponse } from '@/lib/scim/list-response';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';

export const GET = scimRoute(async (ctx) => {
  const name = (ctx.params.name as string[] | undefined)?.join('/');
  if (!name) {
    const all = resourceTypes(ctx.baseUrl);
    return scimJson(listResponse(all, all.length, 1));
  }
  const found = findResourceType(ctx.baseUrl, decodeURIComponent(name));
  if (!found) throw scimNotFound(`No resource type named ${JSON.stringify(name)}.`);
  return scimJson(found);
});
export const POST = methodNotAllowed(['GET']);
export { POST as PUT, POST as PATCH, POST as DELETE };
