import { timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { hostCookie } from './host-cookie';
import { isBinding, newBinding } from './tenant-session';

// The apex's half of binding a sign-in to one browser. The apex issues a
// ticket only for the binding it remembered, in its own host-only cookie,
// when this browser set out for Microsoft (or when it sends the browser to
// the tenant's host to be bound). A link that names another binding
// (someone else's) gets no ticket for it.

const APEX_BINDING_COOKIE = 'orgwiki_apex_signin';
const BINDING_SECONDS = 10 * 60;

/** Remembers the binding this browser carries to Microsoft and back. Route handlers and server actions only. */
export async function rememberApexBinding(binding: string): Promise<void> {
  (await cookies()).set(hostCookie(APEX_BINDING_COOKIE, binding, BINDING_SECONDS));
}

/** A fresh binding, remembered: for sending the browser to the tenant's host to be bound. */
export async function newApexBinding(): Promise<string> {
  const binding = newBinding();
  await rememberApexBinding(binding);
  return binding;
}

/** Whether `binding` is the one this browser's apex sign-in remembered; answering uses it up. */
export async function takeApexBinding(binding: string | null): Promise<boolean> {
  const jar = await cookies();
  const remembered = jar.get(APEX_BINDING_COOKIE)?.value;
  if (!remembered) return false;
  jar.set(hostCookie(APEX_BINDING_COOKIE, '', 0));
  return isBinding(binding) && isBinding(remembered) && timingSafeEqual(Buffer.from(binding), Buffer.from(remembered));
}
