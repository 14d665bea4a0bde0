import { ScimError } from './errors';

// Numbers the SCIM server advertises in ServiceProviderConfig and enforces.

/** Page size when a list request names no `count`. */
export const DEFAULT_PAGE_SIZE = 100;
/** The largest page a client may ask for (RFC 7644 §3.4.2.4 lets the server cap it). */
export const MAX_PAGE_SIZE = 500;
/** The largest request body accepted, in bytes (a group PATCH of a few thousand members fits). */
export const MAX_BODY_BYTES = 1_048_576;
/** Filters longer than this are refused before parsing. */
export const MAX_FILTER_LENGTH = 4_096;
/** Deeper filters are refused: nobody writes them, and they cost stack in the parser and compiler. */
export const MAX_FILTER_DEPTH = 32;
/** Each comparison becomes a SQL condition; this bounds the query a client can make us plan. */
export const MAX_FILTER_COMPARISONS = 200;
/**
 * Bodies nesting deeper than this are refused before JSON.parse: Entra's
 * deepest (a PATCH of the enterprise manager) nests 5 levels, and recursive
 * code downstream (the reviver, structuredClone) must not meet 500,000.
 */
export const MAX_JSON_DEPTH = 32;
/**
 * The longest string value a body may carry, in UTF-8 bytes. The longest
 * attribute Entra sends is 1,024 characters (streetAddress); PostgreSQL's
 * btree indexes (userName, externalId, group displayName, ...) refuse entries
 * over 2,704 bytes, which would be a 500.
 */
export const MAX_STRING_BYTES = 2_048;
/** Operations in one PATCH. Entra sends one per changed attribute, or one per batch of members. */
export const MAX_PATCH_OPERATIONS = 1_000;
/**
 * Member ids one request may name (to add, remove or set). Entra sends a group's
 * members in batches ("many members in one request": Microsoft's SCIM tutorial, https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups); this
 * leaves room for the largest batches and for a PUT of a large group.
 */
export const MAX_MEMBERS_PER_REQUEST = 10_000;
/** Elements of a user's multi-valued attribute (emails, phoneNumbers, addresses, photos, roles). */
export const MAX_VALUES_PER_ATTRIBUTE = 100;

/** 413 for more elements than anyone has: each costs work in every PATCH of the user, and storage forever. */
export function checkValueCount(count: number, attribute: string): void {
  if (count > MAX_VALUES_PER_ATTRIBUTE) {
    throw new ScimError(413, `${attribute} may hold at most ${MAX_VALUES_PER_ATTRIBUTE} values; this request gives it ${count}.`);
  }
}

export const SCIM_SCHEMAS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;
