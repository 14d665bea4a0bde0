import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from './lib/config';
import { securityHeadersFor, securitySettings } from './lib/security/headers';
import { crossOriginRefusal } from './lib/security/same-origin';
import { routeRequest } from './lib/tenancy/routing';

// Dispatch only: which site a request is for, the security headers of its
// response, and no changes from other origins (server actions and routes
// alike). No database, no session: pages and route handlers re-check
// everything themselves (see CVE-2025-29927).
export function proxy(request: NextRequest) {
  const config = getConfig();
  const security = securityHeadersFor(request.nextUrl.pathname, securitySettings(config));
  const refusal = crossOriginRefusal(request.method, request.headers, config.ROOT_DOMAIN);
  if (refusal) {
    const refused = new NextResponse(refusal, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    for (const [name, value] of Object.entries(security)) refused.headers.set(name, value);
    return refused;
  }
  const decision = routeRequest(request.headers.get('host'), request.nextUrl.pathname, config.ROOT_DOMAIN);
  // Next reads the nonce for its own scripts from the request's policy; whatever the client sent there is replaced.
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', security['Content-Security-Policy']);
  let response: NextResponse;
  if (decision.action === 'next') {
    response = NextResponse.next({ request: { headers } });
  } else {
    const url = request.nextUrl.clone();
    url.pathname = decision.pathname;
    response = NextResponse.rewrite(url, { request: { headers } });
  }
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Next's own assets and public/assets are the same for every host (lib/server/main.ts gives them their headers).
  matcher: ['/((?!_next/static|_next/image|assets/|favicon.ico).*)'],
};
