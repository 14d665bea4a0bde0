import { describeEndpoint, endpointPath } from '../scim/endpoints';
import { isScimPath } from '../tenancy/routing';
import { isOpsPath } from './ops-endpoints';

/**
 * The route of a request as metrics name it: a handful of fixed values, so
 * that a label never holds an id, a slug or a name. Next's own routes are
 * counted by kind; their latency per page is Next's business.
 */
export function routeLabel(pathname: string, method: string | undefined): string {
  if (isOpsPath(pathname)) return pathname;
  if (isScimPath(pathname)) return `scim ${describeEndpoint(endpointPath(pathname), method ?? '').route}`;
  if (pathname.startsWith('/_next/')) return 'next static';
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'next api';
  return 'next page';
}
