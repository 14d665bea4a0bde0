import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from './lib/config';
import { routeRequest } from './lib/tenancy/routing';

// Dispatch only: which site a request is for. No database, no session: pages
// and route handlers re-check everything themselves (see CVE-2025-29927).
export function proxy(request: NextRequest) {
  const decision = routeRequest(request.headers.get('host'), request.nextUrl.pathname, getConfig().ROOT_DOMAIN);
  if (decision.action === 'next') return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = decision.pathname;
  return NextResponse.rewrite(url);
}

export const config = {
  // Next's own assets and public/assets are the same for every host.
  matcher: ['/((?!_next/static|_next/image|assets/|favicon.ico).*)'],
};
