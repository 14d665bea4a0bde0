import { parseHost, siteOrigin } from './host';

// proxy.ts rewrites https://acme.<root>/people to /tenant/acme/people, where the
// app/tenant/[subdomain] routes live. Nobody may request /tenant/... directly:
// that would let one host serve another tenant's pages. SCIM requests never
// get here: the HTTP server (lib/server/main.ts) hands them to lib/scim.

const TENANT_SEGMENT = 'tenant';
export const SCIM_BASE_PATH = '/api/v2/scim/v2';

/** A subdomain no tenant can have: rewriting there renders the 404 page. */
const NOT_FOUND_SUBDOMAIN = '-';

export type ProxyDecision = { action: 'next' } | { action: 'rewrite'; pathname: string };

function isUnder(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}

/** True for every path the SCIM handler answers, on any host (unknown hosts get a SCIM 404). */
export function isScimPath(pathname: string): boolean {
  return isUnder(pathname, SCIM_BASE_PATH);
}

/** Pure routing decision for one request; proxy.ts only carries it out. */
export function routeRequest(host: string | null, pathname: string, rootDomain: string): ProxyDecision {
  const target = parseHost(host, rootDomain);
  const notFound = (): ProxyDecision => ({ action: 'rewrite', pathname: `/${TENANT_SEGMENT}/${NOT_FOUND_SUBDOMAIN}${pathname}` });

  if (isUnder(pathname, `/${TENANT_SEGMENT}`)) return notFound();
  switch (target.kind) {
    case 'apex':
      return { action: 'next' };
    case 'tenant':
      return { action: 'rewrite', pathname: `/${TENANT_SEGMENT}/${target.subdomain}${pathname === '/' ? '' : pathname}` };
    case 'unknown':
      return notFound();
  }
}

/** The Tenant URL an admin pastes into Entra, e.g. https://acme.theorgwiki.com/api/v2/scim/v2/ */
export function scimTenantUrl(rootDomain: string, subdomain: string): string {
  return `${siteOrigin(rootDomain, subdomain)}${SCIM_BASE_PATH}/`;
}
