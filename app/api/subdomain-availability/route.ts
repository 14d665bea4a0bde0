import { NextResponse, type NextRequest } from 'next/server';
import { subdomainAvailability } from '@/lib/tenancy/subdomain-availability';

// The sign-up form's live check: is this subdomain free and allowed?
export async function GET(request: NextRequest) {
  const name = (request.nextUrl.searchParams.get('name') ?? '').trim().toLowerCase().slice(0, 100);
  return NextResponse.json(await subdomainAvailability(name), { headers: { 'Cache-Control': 'no-store' } });
}
