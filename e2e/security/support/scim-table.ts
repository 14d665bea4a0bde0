import type { ScimTarget } from './world';

// The isolation matrix's table for SCIM: for every endpoint of the route
// table (lib/scim/endpoints.ts, by its `route`), the paths to ask for and, for
// each method that takes one, a body that would change the tenant if the
// request were let through. Every SCIM request needs a token of the tenant,
// discovery included; 404 and 405 come after authentication, so unknown paths
// and methods are refused the same way (UNROUTED).

const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface ScimRouteRule {
  paths: (t: ScimTarget) => string[];
  bodies?: Partial<Record<'POST' | 'PUT' | 'PATCH', (t: ScimTarget) => object>>;
}

export const SCIM_ROUTES: Record<string, ScimRouteRule> = {
  '/Users': {
    paths: () => ['/Users', `/Users?filter=userName eq "planted@example.com"`],
    bodies: { POST: () => ({ schemas: [CORE_USER], userName: 'planted@example.com', active: true }) },
  },
  '/Users/:id': {
    paths: (t) => [`/Users/${t.userId}`],
    bodies: {
      PUT: () => ({ schemas: [CORE_USER], userName: 'renamed@example.com', active: false }),
      PATCH: () => ({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] }),
    },
  },
  '/Groups': {
    paths: () => ['/Groups'],
    bodies: { POST: (t) => ({ schemas: [CORE_GROUP], displayName: 'Planted', members: [{ value: t.userId }] }) },
  },
  '/Groups/:id': {
    paths: (t) => [`/Groups/${t.groupId}`],
    bodies: {
      PUT: () => ({ schemas: [CORE_GROUP], displayName: 'Renamed', members: [] }),
      PATCH: (t) => ({ schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${t.userId}"]` }] }),
    },
  },
  '/ServiceProviderConfig': { paths: () => ['/ServiceProviderConfig'] },
  '/ResourceTypes': { paths: () => ['/ResourceTypes', '/ResourceTypes/User'] },
  '/Schemas': { paths: () => ['/Schemas', `/Schemas/${CORE_USER}`] },
};

/** Requests no endpoint answers: refused before anyone learns that. */
export const UNROUTED: { method: string; path: string; body?: object }[] = [
  { method: 'DELETE', path: '/Users' },
  { method: 'POST', path: '/Bulk', body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] } },
];
