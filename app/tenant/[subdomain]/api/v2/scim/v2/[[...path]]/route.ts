import { scimNotFound } from '@/lib/scim/errors';
import { getTenantBySubdomain } from '@/lib/tenancy/get-tenant';

// Anything under the SCIM base that no SCIM route handles. A subdomain with no
// tenant gets the same SCIM 404 that the proxy gives unknown hosts.
type Context = { params: Promise<{ subdomain: string }> };

async function handle(_request: Request, { params }: Context): Promise<Response> {
  const tenant = await getTenantBySubdomain((await params).subdomain);
  return scimNotFound(tenant ? 'No SCIM endpoint at this path' : 'No tenant is served at this address').toResponse();
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
