import { serviceProviderConfig } from '@/lib/scim/discovery/service-provider-config';
import { scimJson } from '@/lib/scim/http';
import { methodNotAllowed, scimRoute } from '@/lib/scim/scim-route';

export const GET = scimRoute(async (ctx) => scimJson(serviceProviderConfig(ctx.baseUrl)));
export const POST = methodNotAllowed(['GET']);
export { POST as PUT, POST as PATCH, POST as DELETE };
