import { NextResponse, type NextRequest } from 'next/server';
import { signedInIdentity } from '@/lib/auth/auth';
import { continueSignIn } from '@/lib/auth/continue-sign-in';

// The apex after Microsoft: hand the person on (lib/auth/continue-sign-in.ts).
export async function GET(request: NextRequest) {
  const tenant = request.nextUrl.searchParams.get('tenant');
  const identity = await signedInIdentity();
  if (!identity) return NextResponse.redirect(new URL(`/login${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`, request.nextUrl));
  // The binding (and the resume value) travel with the request from the tenant's /auth/start; continueSignIn checks them.
  const query = request.nextUrl.searchParams;
  return NextResponse.redirect(await continueSignIn(identity, tenant, query.get('binding'), query.get('resume')));
}
