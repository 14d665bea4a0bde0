import { findSchema, schemaDocuments } from '@/lib/scim/discovery/schemas';
import { scimNotFound } from '@/lib/scim/errors';
import { scimJson } from '@/lib/scim/http';
import { listResponse } from '@/lib/scim/list-response';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';

export const GET = scimRoute(async (ctx) => {
  const uri = (ctx.params.uri as string[] | undefined)?.join('/');
  if (!uri) {
    const all = schemaDocuments(ctx.baseUrl);
    return scimJson(listResponse(all, all.length, 1));
  }
  const found = findSchema(ctx.baseUrl, decodeURIComponent(uri));
  if (!found) throw scimNotFound(`No schema with id ${JSON.stringify(uri)}.`);
  return scimJson(found);
});
export const POST = methodNotAllowed(['GET']);
export { POST as PUT, POST as PATCH, POST as DELETE };
