import { scimNotFound } from '@/lib/scim/errors';
import { scimRoute } from '@/lib/scim/scim-route';

// Anything under the SCIM base that no SCIM route handles (also /Bulk and
// /.search, which this server does not offer: ServiceProviderConfig says so).
const handle = scimRoute(async () => {
  throw scimNotFound('No SCIM endpoint at this path.');
});

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
