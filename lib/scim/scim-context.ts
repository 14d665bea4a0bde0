import type { Actor } from '../actor';
import type { ProvisioningLogRow, Tenant, TenantSql } from '../db';
import type { TokenPrincipal } from '../tokens/authenticate-token';
import type { ScimReply, ScimRequest } from './http';

/**
 * What a SCIM endpoint knows about its request once the tenant and the token
 * are settled. Read-only: an endpoint says what happened by what it returns
 * (ScimOutcome), never by writing here.
 */
export type ScimContext = Readonly<{
  tenant: Tenant;
  /** The tenant's data, pinned to it. */
  sql: TenantSql;
  principal: TokenPrincipal;
  request: ScimRequest;
  /** e.g. https://acme.theorgwiki.com/api/v2/scim/v2 */
  baseUrl: string;
  /** Path segments the endpoint's pattern captured, decoded. */
  params: Readonly<Record<string, string | undefined>>;
  actor: Actor & { type: 'service_account' };
}>;

/** A change's result: the resource as the client reads it, and the provisioning-log entry its own statement wrote. */
export interface Written<T> {
  resource: T;
  entry: ProvisioningLogRow;
}

/**
 * What an endpoint answers, and, for a change, the provisioning-log entry
 * written with it; any other request gets its entry from handle-request.ts.
 */
export interface ScimOutcome {
  reply: ScimReply;
  entry?: ProvisioningLogRow;
}
