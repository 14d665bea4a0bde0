import { readJsonBody, resourceResponse, scimJson } from '@/lib/scim/http';
import { readListQuery } from '@/lib/scim/list-query';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';
import { listUsers } from '@/lib/scim/users/list-users';
import { createUser } from '@/lib/scim/users/user-service';

export const GET = scimRoute(async (ctx) => scimJson(await listUsers(ctx, readListQuery(new URL(ctx.request.url)))));
export const POST = scimRoute(async (ctx) => resourceResponse(await createUser(ctx, await readJsonBody(ctx.request)), 201));
export const PUT = methodNotAllowed(['GET', 'POST']);
export const PATCH = PUT;
export const DELETE = PUT;
