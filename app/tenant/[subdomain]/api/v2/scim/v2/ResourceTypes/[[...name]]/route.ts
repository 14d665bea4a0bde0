import { discoveryResponse } from '@/lib/scim/discovery/discovery-response';
import { findResourceType, resourceTypes } from '@/lib/scim/discovery/resource-types';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';

export const GET = scimRoute(async (ctx) =>
  discoveryResponse(resourceTypes(ctx.baseUrl), (ctx.params.name as string[] | undefined)?.join('/'), (name) => findResourceType(ctx.baseUrl, name), 'resource type'),
);
export const POST = methodNotAllowed(['GET']);
export { POST as PUT, POST as PATCH, POST as DELETE };
