import { cookies } from 'next/headers';
import { isUuid } from '../db';
import { hostCookie } from './host-cookie';

// Which directory's authority the apex signs in at. A sign-in that starts on
// a tenant's site goes to that tenant's own directory
// (https://login.microsoftonline.com/{tid}/v2.0), so that a B2B guest of it
// gets this directory's `tid` and `oid` rather than their home directory's;
// any other sign-in goes to `organizations`. Remembered on the apex between
// the start of the sign-in and Microsoft's callback, which must use the same
// authority. The token's `tid` is still checked against the tenant, so the
// cookie chooses where to sign in, never who gets in.

const DIRECTORY_COOKIE = 'orgwiki_apex_directory';
const SIGN_IN_SECONDS = 10 * 60;

/** Route handlers and server actions only. Null: `organizations`. */
export async function rememberSignInDirectory(tid: string | null): Promise<void> {
  (await cookies()).set(hostCookie(DIRECTORY_COOKIE, tid ?? '', tid ? SIGN_IN_SECONDS : 0));
}

/** The directory this browser's sign-in goes to, if a tenant's site started it. */
export function signInDirectory(jar: { get(name: string): { value: string } | undefined }): string | null {
  const tid = jar.get(DIRECTORY_COOKIE)?.value;
  return tid && isUuid(tid) ? tid.toLowerCase() : null;
}
