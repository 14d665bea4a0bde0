import { NextResponse, type NextRequest } from 'next/server';
import { signedInIdentity, signOut } from '@/lib/auth/auth';
import { continueSignIn } from '@/lib/auth/continue-sign-in';

// The apex after Microsoft: hand the person on (lib/auth/continue-sign-in.ts).
export async function GET(request: NextRequest) {
  const tenant = request.nextUrl.searchParams.get('tenant');
  const identity = await signedInIdentity();
  if (!identity) return NextResponse.redirect(new URL(`/login${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`, request.nextUrl));
  const next = await continueSignIn(identity, tenant);
  // The apex session has done its job once the person leaves for a tenant.
  if (next.leavesApex) await signOut({ redirect: false });
  return NextResponse.redirect(next.url);
}
