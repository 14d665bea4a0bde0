import type { Tenant, TenantSql } from '../db';
import type { TokenPrincipal } from '../tokens/authenticate-token';
import type { ScimRequest } from './http';

/** What a SCIM endpoint knows about its request once the tenant and the token are settled. */
export interface ScimContext {
  tenant: Tenant;
  /** The tenant's data, pinned to it. */
  sql: TenantSql;
  principal: TokenPrincipal;
  request: ScimRequest;
  /** e.g. https://acme.theorgwiki.com/api/v2/scim/v2 */
  baseUrl: string;
  /** Path segments the endpoint's pattern captured, decoded. */
  params: Record<string, string | undefined>;
  actor: { actorId: string; actorLabel: string; ip: string | null };
  /** Set once a change's own statement wrote the provisioning-log entry. */
  logged: boolean;
  /** What the request log names as the target. */
  target: { type: string; id: string } | null;
}
