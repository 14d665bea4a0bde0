import { NextResponse, type NextRequest } from 'next/server';
import { leaveTenant } from '@/lib/auth/enter-tenant';

// Sign out: a form POST (a link would let any page sign people out).
export async function POST(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  const left = await leaveTenant((await params).subdomain, request.cookies);
  const response = NextResponse.redirect(left.url, 303);
  response.cookies.set(left.cookie);
  return response;
}
