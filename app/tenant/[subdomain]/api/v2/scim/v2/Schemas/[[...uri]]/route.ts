import { discoveryResponse } from '@/lib/scim/discovery/discovery-response';
import { findSchema, schemaDocuments } from '@/lib/scim/discovery/schemas';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';

export const GET = scimRoute(async (ctx) =>
  discoveryResponse(schemaDocuments(ctx.baseUrl), (ctx.params.uri as string[] | undefined)?.join('/'), (id) => findSchema(ctx.baseUrl, id), 'schema'),
);
export const POST = methodNotAllowed(['GET']);
export { POST as PUT, POST as PATCH, POST as DELETE };
