import { SCIM_BASE_PATH } from '../tenancy/routing';
import { discoveryResponse } from './discovery/discovery-response';
import { findResourceType, resourceTypes } from './discovery/resource-types';
import { findSchema, schemaDocuments } from './discovery/schemas';
import { serviceProviderConfig } from './discovery/service-provider-config';
import { createGroup, deleteGroup, getGroup, patchGroup, replaceGroup } from './groups/group-service';
import { listGroups, projectedGroup, wantsMembers } from './groups/list-groups';
import { noContent, readJsonBody, resourceResponse, scimJson, type ScimReply } from './http';
import { readListQuery } from './list-query';
import type { ScimContext, ScimOutcome, Written } from './scim-context';
import { listUsers, projectedResource } from './users/list-users';
import { createUser, deleteUser, getUser, patchUser, replaceUser } from './users/user-service';

// The SCIM endpoints (RFC 7644 §3) under /api/v2/scim/v2, as a table: the
// path pattern (trailing slash already removed), then a thin handler per
// method that reads the request, calls the domain function and shapes the
// response. /Bulk and /.search are not offered (ServiceProviderConfig says so)
// and fall through to 404 like any other unknown path. Endpoint names match in
// any case (`GET /users`, as Microsoft's reference Postman collection sends):
// RFC 7644 §3.2 names them but never asks a client for their case; the
// captured ids and names are passed on as sent.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler = (ctx: ScimContext) => Promise<ScimOutcome>;

/** The answers of a read, a change that returns its resource, and a change answered with 204. */
const read = (reply: ScimReply): ScimOutcome => ({ reply });
const changed = ({ resource, entry }: Written<Record<string, unknown>>, status = 200): ScimOutcome => ({ reply: resourceResponse(resource, status), entry });
const done = (entry: ScimOutcome['entry']): ScimOutcome => ({ reply: noContent(), entry });

export interface Endpoint {
  pattern: RegExp;
  /** The pattern as metrics name it: ids stand as `:id`. */
  route: string;
  /** The resource type, for metrics. */
  resource: string;
  /** GET here is a query (RFC 7644 §3.4.2), counted as a list rather than a read. */
  lists?: true;
  methods: Partial<Record<Method, Handler>>;
}

const id = (ctx: ScimContext) => ctx.params.id!;

export const SCIM_ENDPOINTS: readonly Endpoint[] = [
  {
    pattern: /^\/Users$/i,
    route: '/Users',
    resource: 'User',
    lists: true,
    methods: {
      GET: async (ctx) => read(scimJson(await listUsers(ctx, readListQuery(ctx.request.url)))),
      POST: async (ctx) => changed(await createUser(ctx, readJsonBody(ctx.request)), 201),
    },
  },
  {
    pattern: /^\/Users\/(?<id>[^/]+)$/i,
    route: '/Users/:id',
    resource: 'User',
    methods: {
      GET: async (ctx) => read(resourceResponse(projectedResource(ctx, await getUser(ctx, id(ctx))))),
      PUT: async (ctx) => changed(await replaceUser(ctx, id(ctx), readJsonBody(ctx.request))),
      PATCH: async (ctx) => changed(await patchUser(ctx, id(ctx), readJsonBody(ctx.request))),
      DELETE: async (ctx) => done(await deleteUser(ctx, id(ctx))),
    },
  },
  {
    pattern: /^\/Groups$/i,
    route: '/Groups',
    resource: 'Group',
    lists: true,
    methods: {
      GET: async (ctx) => read(scimJson(await listGroups(ctx, readListQuery(ctx.request.url)))),
      POST: async (ctx) => changed(await createGroup(ctx, readJsonBody(ctx.request)), 201),
    },
  },
  {
    pattern: /^\/Groups\/(?<id>[^/]+)$/i,
    route: '/Groups/:id',
    resource: 'Group',
    methods: {
      GET: async (ctx) => {
        const query = readListQuery(ctx.request.url);
        return read(resourceResponse(projectedGroup(query, await getGroup(ctx, id(ctx), wantsMembers(query)))));
      },
      PUT: async (ctx) => changed(await replaceGroup(ctx, id(ctx), readJsonBody(ctx.request))),
      // Entra expects 204 from a group PATCH (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).
      PATCH: async (ctx) => done(await patchGroup(ctx, id(ctx), readJsonBody(ctx.request))),
      DELETE: async (ctx) => done(await deleteGroup(ctx, id(ctx))),
    },
  },
  {
    pattern: /^\/ServiceProviderConfig$/i,
    route: '/ServiceProviderConfig',
    resource: 'ServiceProviderConfig',
    methods: { GET: async (ctx) => read(scimJson(serviceProviderConfig(ctx.baseUrl))) },
  },
  {
    pattern: /^\/ResourceTypes(?:\/(?<name>.+))?$/i,
    route: '/ResourceTypes',
    resource: 'ResourceType',
    methods: {
      GET: async (ctx) => read(discoveryResponse(resourceTypes(ctx.baseUrl), ctx.params.name, (name) => findResourceType(ctx.baseUrl, name), 'resource type')),
    },
  },
  {
    pattern: /^\/Schemas(?:\/(?<uri>.+))?$/i,
    route: '/Schemas',
    resource: 'Schema',
    methods: {
      GET: async (ctx) => read(discoveryResponse(schemaDocuments(ctx.baseUrl), ctx.params.uri, (uri) => findSchema(ctx.baseUrl, uri), 'schema')),
    },
  },
];

/** The path of a request under the SCIM base, trailing slashes removed: Entra's Tenant URL ends in one. */
export function endpointPath(pathname: string): string {
  return pathname.slice(SCIM_BASE_PATH.length).replace(/\/+$/, '');
}

const OPERATIONS = new Map([
  ['GET', 'get'],
  ['POST', 'create'],
  ['PUT', 'replace'],
  ['PATCH', 'update'],
  ['DELETE', 'delete'],
]);

/** How metrics name a request to `path` (see endpointPath): a few fixed words, whatever the client sent. */
export function describeEndpoint(path: string, method: string): { route: string; resource: string; operation: string } {
  const endpoint = SCIM_ENDPOINTS.find((e) => e.pattern.test(path));
  const operation = endpoint?.lists && method === 'GET' ? 'list' : (OPERATIONS.get(method) ?? 'other');
  return endpoint ? { route: endpoint.route, resource: endpoint.resource, operation } : { route: '(no endpoint)', resource: 'none', operation };
}

/** The endpoint whose pattern matches `path` (no trailing slash), with its decoded captures. */
export function matchEndpoint(path: string): { endpoint: Endpoint; params: Record<string, string | undefined> } | null {
  for (const endpoint of SCIM_ENDPOINTS) {
    const match = endpoint.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(match.groups ?? {})) {
      let decoded: string | undefined;
      try {
        decoded = value === undefined ? undefined : decodeURIComponent(value);
      } catch {
        return null; // a malformed escape names nothing
      }
      // Nor does an id with NUL: it would also fail the provisioning-log batch it is written in (PostgreSQL text).
      if (decoded?.includes('\u0000')) return null;
      params[key] = decoded;
    }
    return { endpoint, params };
  }
  return null;
}
