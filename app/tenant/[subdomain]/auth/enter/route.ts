import { NextResponse, type NextRequest } from 'next/server';
import { enterTenant } from '@/lib/auth/enter-tenant';

// The tenant's end of the hand-off from the apex: the one-time ticket becomes
// this host's session cookie.
export async function GET(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  const { subdomain } = await params;
  const entered = await enterTenant(subdomain, request.nextUrl.searchParams.get('ticket') ?? '');
  const response = NextResponse.redirect(entered.url, 303);
  if (entered.cookie) response.cookies.set(entered.cookie);
  return response;
}
