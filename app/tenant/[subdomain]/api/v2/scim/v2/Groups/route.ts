import { createGroup } from '@/lib/scim/groups/group-service';
import { listGroups } from '@/lib/scim/groups/list-groups';
import { readJsonBody, resourceResponse, scimJson } from '@/lib/scim/http';
import { readListQuery } from '@/lib/scim/list-query';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';

export const GET = scimRoute(async (ctx) => scimJson(await listGroups(ctx, readListQuery(new URL(ctx.request.url)))));
export const POST = scimRoute(async (ctx) => resourceResponse(await createGroup(ctx, await readJsonBody(ctx.request)), 201));
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
