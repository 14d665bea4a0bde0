import { getConfig } from '../config';
import { siteOrigin } from '../tenancy/host';

// The sign-in cookies are host-only (no Domain), so no other tenant's host,
// nor the apex for a tenant's or the other way round, ever receives them.

export interface HostCookie {
  name: string;
  value: string;
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax';
  path: '/';
  maxAge: number;
}

export function hostCookie(name: string, value: string, maxAgeSeconds: number): HostCookie {
  // Secure wherever the site is served over https (everywhere but localhost).
  const secure = siteOrigin(getConfig().ROOT_DOMAIN).startsWith('https:');
  return { name, value, httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: maxAgeSeconds };
}
