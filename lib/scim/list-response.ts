import { SCIM_SCHEMAS } from './limits';

// The ListResponse message (RFC 7644 §3.4.2), for every SCIM list: discovery,
// /Users and /Groups queries alike.

export interface ListResponse<T> {
  readonly schemas: readonly string[];
  readonly totalResults: number;
  readonly startIndex: number;
  readonly itemsPerPage: number;
  readonly Resources: readonly T[];
}

/**
 * One page of `total` matching resources, starting at the 1-based `startIndex`.
 * `Resources` is present even when empty: Entra's Test Connection expects an
 * empty list for a user that does not exist (Microsoft's SCIM tutorial,
 * https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).
 */
export function listResponse<T>(resources: readonly T[], total: number, startIndex: number): ListResponse<T> {
  return {
    schemas: [SCIM_SCHEMAS.listResponse],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
