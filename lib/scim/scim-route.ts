import { getConfig } from '../config';
import type { Tenant } from '../db';
import { getTenantBySubdomain } from '../tenancy/get-tenant';
import { siteOrigin } from '../tenancy/host';
import { SCIM_BASE_PATH } from '../tenancy/routing';
import { authenticateToken, noteTokenUse, type TokenPrincipal } from '../tokens/authenticate-token';
import { queueScimLog } from './audit-queue';
import { ScimError, scimNotFound } from './errors';
import { scimLimiters } from './rate-limit';

// The one entry point of every SCIM route: tenant from the Host, rate limit,
// bearer token of this tenant, then the handler; anything thrown becomes a
// SCIM error (RFC 7644 §3.12), and every request leaves a provisioning-log entry.

export interface ScimAuditActor {
  actorId: string;
  actorLabel: string;
  ip: string | null;
}

export interface ScimContext {
  tenant: Tenant;
  principal: TokenPrincipal;
  request: Request;
  /** e.g. https://acme.theorgwiki.com/api/v2/scim/v2 */
  baseUrl: string;
  params: Record<string, string | string[] | undefined>;
  actor: ScimAuditActor;
  /** Set by handlers whose domain function logged the change in its own transaction. */
  logged: boolean;
  /** What the request log names as the target. */
  target: { type: string; id: string } | null;
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type Handler = (ctx: ScimContext) => Promise<Response>;

const UNAUTHORIZED = 'Send the token of a service account of this tenant as "Authorization: Bearer <token>".';

function clientIp(request: Request): string | null {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || null;
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match ? match[1] : null;
}

function toResponse(error: unknown, request: Request): Response {
  if (error instanceof ScimError) return error.toResponse();
  // The client hung up mid-request: nobody reads this answer, and it is no server fault.
  if (request.signal.aborted) return new ScimError(400, 'The client closed the request.').toResponse();
  // Never a stack trace or a driver message to the client.
  console.error('scim: unexpected error', error);
  return new ScimError(500, 'The server could not complete the request.').toResponse();
}

async function authenticate(tenant: Tenant, request: Request, ip: string): Promise<TokenPrincipal> {
  const limits = scimLimiters();
  await limits.checkFailedAuthBlock(tenant.id, ip);
  const presented = bearerToken(request);
  const principal = presented ? await authenticateToken(tenant.id, presented) : null;
  if (!principal) {
    await limits.countFailedAuth(tenant.id, ip);
    throw new ScimError(401, UNAUTHORIZED, undefined, { 'WWW-Authenticate': 'Bearer realm="SCIM"' });
  }
  return principal;
}

export function scimRoute(handler: Handler) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    const params = await route.params;
    const tenant = await getTenantBySubdomain(String(params.subdomain ?? ''));
    if (!tenant) return scimNotFound('No tenant is served at this address').toResponse();
    const ip = clientIp(request);
    const path = new URL(request.url).pathname.replace(/^.*?\/api\/v2\/scim\/v2/, '') || '/';
    let ctx: ScimContext | null = null;
    let response: Response;
    try {
      await scimLimiters().limitTenant(tenant.id);
      const principal = await authenticate(tenant, request, ip ?? 'unknown');
      noteTokenUse(tenant.id, principal.tokenId, { ip, userAgent: request.headers.get('user-agent') });
      ctx = {
        tenant,
        principal,
        request,
        baseUrl: siteOrigin(getConfig().ROOT_DOMAIN, tenant.subdomain) + SCIM_BASE_PATH,
        params,
        actor: { actorId: principal.serviceAccountId, actorLabel: `${principal.serviceAccountName} (token ${principal.tokenName})`, ip },
        logged: false,
        target: null,
      };
      response = await handler(ctx);
    } catch (error) {
      response = toResponse(error, request);
    }
    if (!ctx?.logged) {
      queueScimLog({
        tenantId: tenant.id,
        actorId: ctx?.actor.actorId ?? null,
        actorLabel: ctx?.actor.actorLabel ?? 'unauthenticated client',
        action: `scim.${request.method.toLowerCase()}`,
        targetType: ctx?.target?.type ?? null,
        targetId: ctx?.target?.id ?? null,
        details: { path: path.slice(0, 200), status: response.status },
        ip,
        at: new Date(),
      });
    }
    return response;
  };
}

/** For methods a SCIM endpoint does not support (RFC 7644 §3.12: 405 is not listed, but it is what HTTP says). */
export function methodNotAllowed(allowed: string[]) {
  return scimRoute(async () => {
    throw new ScimError(405, `This endpoint supports ${allowed.join(', ')}.`, undefined, { Allow: allowed.join(', ') });
  });
}
