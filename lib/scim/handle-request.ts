import { isDatabaseUnavailable, tenantSql, type Tenant } from '../db';
import { log } from '../log/log';
import { requestPhotoSync } from '../photos/photo-jobs';
import { countScimOperation } from '../ops/metrics';
import { CLIENT_ADDRESS_HEADER } from '../security/client-address';
import { parseHost, siteOrigin } from '../tenancy/host';
import { SCIM_BASE_PATH } from '../tenancy/routing';
import { findTenant } from '../tenancy/tenant-lookup';
import { authenticateToken, noteTestConnection, noteTokenUse, type TokenPrincipal } from '../tokens/authenticate-token';
import { queueProvisioningLog } from './provisioning-log-queue';
import { describeEndpoint, endpointPath, matchEndpoint, type Endpoint, type Method } from './endpoints';
import { ScimError, scimNotFound } from './errors';
import type { ScimReply, ScimRequest } from './http';
import { scimLimiters } from './rate-limit';
import type { ScimContext, ScimOutcome } from './scim-context';

// Every request under /api/v2/scim/v2 on any host comes here (lib/server):
// tenant from the Host, rate limit, bearer token of this tenant, then the
// endpoint; anything thrown becomes a SCIM error (RFC 7644 §3.12), and every
// request to a tenant leaves a provisioning-log entry.

// Entra's Test Connection looks up a random GUID as a userName (Microsoft's SCIM tutorial,
// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups);
// the Admin Console shows when it last saw one.
const TEST_CONNECTION = /^userName\s+eq\s+"?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"?$/i;

const UNAUTHORIZED = 'Send the token of a service account of this tenant as "Authorization: Bearer <token>".';

function bearerToken(request: ScimRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.header('authorization') ?? '');
  return match ? match[1] : null;
}

/** Seconds Entra is asked to wait while the database is away: a restart or failover takes a few. */
const UNAVAILABLE_RETRY_SECONDS = 2;

function toReply(error: unknown, request: ScimRequest): ScimReply {
  if (error instanceof ScimError) return error.toReply();
  if (isDatabaseUnavailable(error)) {
    // Nothing was written (each write is one statement or one transaction): the client may simply retry.
    const detail = 'The directory database is unavailable for a moment; retry the request.';
    return new ScimError(503, detail, undefined, { 'Retry-After': String(UNAVAILABLE_RETRY_SECONDS) }).toReply();
  }
  // The client hung up mid-request: nobody reads this answer, and it is no server fault.
  if (request.aborted()) return new ScimError(400, 'The client closed the request.').toReply();
  // Never a stack trace or a driver message to the client.
  log.error({ err: error }, 'scim: unexpected error');
  return new ScimError(500, 'The server could not complete the request.').toReply();
}

async function authenticate(tenant: Tenant, request: ScimRequest, ip: string): Promise<TokenPrincipal> {
  const limits = scimLimiters();
  const presented = bearerToken(request);
  // The token first, before any limit on failures: Entra calls from addresses
  // that every Entra customer shares, so strangers' failures from them, or
  // against this tenant, must never get the tenant's own token refused. The
  // check is in memory (lib/tokens/tenant-tokens.ts), so refusing costs little.
  const principal = presented ? await authenticateToken(tenant.id, presented) : null;
  if (!principal) {
    const blocked = await limits.failedAuthBlock(tenant.id, ip);
    if (blocked) throw blocked;
    await limits.countFailedAuth(tenant.id, ip);
    throw new ScimError(401, UNAUTHORIZED, undefined, { 'WWW-Authenticate': 'Bearer realm="SCIM"' });
  }
  // The tenant's budget is spent by its own tokens only: strangers cannot use it up and get Entra refused.
  await limits.limitTenant(tenant.id);
  return principal;
}

type Matched = { endpoint: Endpoint; params: Record<string, string | undefined> } | null;

/** The endpoint's outcome for an authenticated request; 404 and 405 come after authentication, so they reveal nothing. */
function dispatch(matched: Matched, ctx: Omit<ScimContext, 'params'>): Promise<ScimOutcome> {
  if (!matched) throw scimNotFound('No SCIM endpoint at this path.');
  const handler = matched.endpoint.methods[ctx.request.method as Method];
  if (!handler) {
    const allowed = Object.keys(matched.endpoint.methods).join(', ');
    throw new ScimError(405, `This endpoint supports ${allowed}.`, undefined, { Allow: allowed });
  }
  return handler({ ...ctx, params: matched.params });
}

/** The resource a request's log entry names: the one in its path (`/Users/{id}`), whatever the outcome. */
function targetOf(matched: Matched): { type: string; id: string } | null {
  const id = matched?.params.id;
  return matched && id !== undefined ? { type: matched.endpoint.resource, id } : null;
}

/** Tenants whose photo sync was queued lately: a cycle creates thousands of people, and one queued sync takes them all. */
const nudged = new Map<string, number>();
const NUDGE_EVERY_MS = 2_000;

async function nudgePhotoSync(tenant: Tenant): Promise<void> {
  const now = Date.now();
  if ((nudged.get(tenant.id) ?? 0) > now - NUDGE_EVERY_MS) return;
  if (nudged.size > 10_000) nudged.clear();
  nudged.set(tenant.id, now);
  // The photo is a nicety beside the provisioning itself: a queue that is away is the round's to make up for.
  await requestPhotoSync(tenant).catch((error: unknown) => log.warn({ err: error, tenantId: tenant.id }, 'photos: could not queue a sync'));
}

export async function handleScimRequest(request: ScimRequest, rootDomain: string): Promise<ScimReply> {
  const host = parseHost(request.header('host'), rootDomain);
  let tenant: Tenant | null;
  try {
    tenant = host.kind === 'tenant' ? await findTenant(host.subdomain) : null;
  } catch (error) {
    return toReply(error, request);
  }
  if (!tenant) return scimNotFound('No tenant is served at this address').toReply();
  const path = endpointPath(request.url.pathname);
  const ip = request.header(CLIENT_ADDRESS_HEADER);
  const matched = matchEndpoint(path);
  const endpoint = describeEndpoint(path, request.method);
  const testConnection =
    endpoint.route === '/Users' && endpoint.operation === 'list' && TEST_CONNECTION.test(request.url.searchParams.get('filter')?.trim() ?? '');
  let actor: ScimContext['actor'] | null = null;
  let outcome: ScimOutcome;
  try {
    const principal = await authenticate(tenant, request, ip ?? 'unknown');
    noteTokenUse(tenant.id, principal.tokenId, { ip, userAgent: request.header('user-agent') });
    if (testConnection) await noteTestConnection(tenant.id, principal.tokenId);
    actor = { type: 'service_account', id: principal.serviceAccountId, label: `${principal.serviceAccountName} (token ${principal.tokenName})`, ip };
    const baseUrl = siteOrigin(rootDomain, tenant.subdomain) + SCIM_BASE_PATH;
    outcome = await dispatch(matched, { tenant, sql: tenantSql(tenant.id), principal, request, baseUrl, actor });
  } catch (error) {
    outcome = { reply: toReply(error, request) };
  }
  const response = outcome.reply;
  // A new person's photo is fetched from Graph soon after, not at the next round (docs/photos.md).
  if (outcome.entry?.action === 'scim.user.create') void nudgePhotoSync(tenant);
  // A change's entry was written in its own statement; every other request gets one here.
  if (!outcome.entry) {
    const target = actor ? targetOf(matched) : null;
    queueProvisioningLog(tenant.id, {
      actor: actor ?? { type: 'system', label: 'unauthenticated client', ip },
      action: `scim.${request.method.toLowerCase()}`,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      details: {
        path: (path || '/').slice(0, 200),
        status: response.status,
        ...(testConnection ? { testConnection: true } : {}),
      },
    });
  }
  countScimOperation({ tenant: tenant.subdomain, resource: endpoint.resource, operation: endpoint.operation, status: response.status });
  return response;
}
