import { NextResponse, type NextRequest } from 'next/server';
import { leaveTenant } from '@/lib/auth/enter-tenant';

// Sign out: a form POST from this very site. Not a link, which anything could
// make the browser follow; the proxy refuses the POST from any other origin.
export async function POST(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  const left = await leaveTenant((await params).subdomain, request.cookies);
  const response = NextResponse.redirect(left.url, 303);
  response.cookies.set(left.cookie);
  return response;
}
