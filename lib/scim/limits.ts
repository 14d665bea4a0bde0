// Numbers the SCIM server advertises in ServiceProviderConfig and enforces.

/** Page size when a list request names no `count`. */
export const DEFAULT_PAGE_SIZE = 100;
/** The largest page a client may ask for (RFC 7644 §3.4.2.4 lets the server cap it). */
export const MAX_PAGE_SIZE = 500;
/** The largest request body accepted, in bytes (a group PATCH of a few thousand members fits). */
export const MAX_BODY_BYTES = 1_048_576;
/** Filters longer than this are refused before parsing. */
export const MAX_FILTER_LENGTH = 4_096;

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
