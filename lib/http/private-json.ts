import { NextResponse } from 'next/server';

/** A JSON answer about the signed-in person's own data: never stored by a shared cache, nor kept by the browser. */
export function privateJson(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
}
