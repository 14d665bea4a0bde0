/** `meta` of a discovery resource (RFC 7643 §3.1): these carry no created/lastModified/version. */
export interface DiscoveryMeta {
  readonly resourceType: string;
  readonly location: string;
}

/** `path` (starting with "/") under the tenant's SCIM base URL, which may end in "/" as Entra's Tenant URL does. */
export function discoveryMeta(baseUrl: string, resourceType: string, path: string): DiscoveryMeta {
  return { resourceType, location: baseUrl.replace(/\/+$/, '') + path };
}
