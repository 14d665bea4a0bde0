import type { NextRequest } from 'next/server';
import { startMicrosoftSignIn } from '@/lib/auth/start-microsoft-sign-in';

// A tenant's "Sign in with Microsoft" lands here from /auth/start (which bound
// the browser) and goes straight on to Microsoft: one press, not a second
// page asking again. A GET, so that the tenant's link can lead here; a link
// planted elsewhere can only start someone's own sign-in, whose ticket only
// the browser that started it redeems (lib/auth/apex-binding.ts).
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  return startMicrosoftSignIn({ tenant: params.get('tenant') ?? undefined, binding: params.get('binding') ?? undefined, next: 'continue' });
}
