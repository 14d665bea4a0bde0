import { NextResponse, type NextRequest } from 'next/server';
import { startSignIn } from '@/lib/auth/enter-tenant';

// "Sign in with Microsoft" on a tenant's site: bind this browser, then to the apex.
export async function GET(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  const started = startSignIn((await params).subdomain, request.nextUrl.searchParams.get('resume'));
  const response = NextResponse.redirect(started.url, 303);
  response.cookies.set(started.cookie);
  return response;
}
