import { NextResponse, type NextRequest } from 'next/server';
import { enterTenant } from '@/lib/auth/enter-tenant';
import { BINDING_COOKIE } from '@/lib/auth/tenant-session';

// The tenant's end of the hand-off from the apex: the one-time ticket, from
// the browser that started signing in, becomes this host's session cookie.
export async function GET(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  const { subdomain } = await params;
  const entered = await enterTenant(subdomain, request.nextUrl.searchParams.get('ticket') ?? '', request.cookies.get(BINDING_COOKIE)?.value);
  const response = NextResponse.redirect(entered.url, 303);
  for (const cookie of entered.cookies) response.cookies.set(cookie);
  return response;
}
