import { timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { hostCookie } from './host-cookie';
import { isBinding, newBinding } from './tenant-session';

// The apex's half of binding a sign-in to one browser. The tenant's host
// always makes the binding itself (/auth/start), so no link can choose it.
// The apex issues a ticket for it only when this browser proves it is the
// one that set out: it holds the apex's own host-only cookie with either the
// binding it carried to Microsoft (sign-in started on the tenant's site), or
// the one-time "resume" value the apex gave it when it sent it to the
// tenant's host to be bound (sign-in started on the apex). A link naming
// someone else's binding gets no ticket for it.

const APEX_COOKIE = 'orgwiki_apex_signin';
const SIGN_IN_SECONDS = 10 * 60;

async function remember(value: string): Promise<void> {
  (await cookies()).set(hostCookie(APEX_COOKIE, value, SIGN_IN_SECONDS));
}

/** Remembers the binding this browser carries to Microsoft and back. Route handlers and server actions only. */
export const rememberApexBinding = (binding: string) => remember(binding);

/** A one-time value, remembered, for the tenant's host to send back with the binding it makes. */
export async function newResumeValue(): Promise<string> {
  const value = newBinding();
  await remember(value);
  return value;
}

/**
 * Whether this browser set out with `binding` (or, coming back from being
 * bound, with `resume`); answering uses the remembered value up.
 */
export async function takeApexBinding(binding: string | null, resume: string | null): Promise<boolean> {
  const jar = await cookies();
  const remembered = jar.get(APEX_COOKIE)?.value;
  if (!remembered) return false;
  jar.set(hostCookie(APEX_COOKIE, '', 0));
  const proof = resume ?? binding;
  return isBinding(binding) && isBinding(proof) && isBinding(remembered) && timingSafeEqual(Buffer.from(proof), Buffer.from(remembered));
}
