import { NextResponse, type NextRequest } from 'next/server';
import { leaveTenant } from '@/lib/auth/enter-tenant';

// Sign out: a form POST from this very site. A link, or a form on another
// site (other tenants' hosts count as the same "site" for SameSite), could
// sign people out against their will.
export async function POST(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  if (request.headers.get('sec-fetch-site') !== 'same-origin' && request.headers.get('origin') !== request.nextUrl.origin) {
    return new Response('Sign out from the site itself.', { status: 403 });
  }
  const left = await leaveTenant((await params).subdomain, request.cookies);
  const response = NextResponse.redirect(left.url, 303);
  response.cookies.set(left.cookie);
  return response;
}
