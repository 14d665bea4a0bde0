import { siteOrigin } from '../tenancy/host';

// Cross-site request forgery: a page elsewhere (or another tenant's host,
// which counts as the same *site* for SameSite cookies) making the browser
// send a state-changing request here with the person's cookies. Browsers
// name the page a request came from in Origin and Sec-Fetch-Site; for
// anything but a read, both must say it is this very origin. A request with
// neither is no browser's, so it carries no ambient cookies to abuse.

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a request may not change anything here, or null when it may. */
export function crossOriginRefusal(method: string, headers: { get(name: string): string | null }, rootDomain: string): string | null {
  if (READS.has(method.toUpperCase())) return null;
  const host = headers.get('host');
  if (!host) return 'The request names no host.';
  // The scheme is the deployment's (https behind the load balancer), not the hop's.
  const own = `${siteOrigin(rootDomain).split(':')[0]}://${host.toLowerCase()}`;
  const origin = headers.get('origin');
  if (origin !== null && origin.toLowerCase() !== own) return `A request from ${origin} may not change anything on ${own}.`;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin') return `A ${fetchSite} request may not change anything on ${own}.`;
  return null;
}
