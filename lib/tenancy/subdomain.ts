import { z } from 'zod';

// A tenant's subdomain is chosen once at sign-up and never changes: Entra keeps
// https://<subdomain>.<root>/api/v2/scim/v2/ in its provisioning job for years.

/** Names the product keeps for itself or that invite phishing; never a tenant. */
const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  'www',
  'api',
  'app',
  'apps',
  'admin',
  'administrator',
  'login',
  'logout',
  'signin',
  'signup',
  'sign-in',
  'sign-up',
  'auth',
  'oauth',
  'sso',
  'saml',
  'scim',
  'account',
  'accounts',
  'billing',
  'static',
  'assets',
  'cdn',
  'media',
  'img',
  'images',
  'files',
  'mail',
  'email',
  'smtp',
  'imap',
  'pop',
  'ftp',
  'ns1',
  'ns2',
  'dns',
  'status',
  'support',
  'help',
  'docs',
  'blog',
  'dev',
  'staging',
  'test',
  'demo',
  'internal',
  'dashboard',
  'console',
  'portal',
  'security',
  'root',
  'system',
  'tenant',
  'tenants',
  'theorgwiki',
  'orgwiki',
  'microsoft',
  'entra',
  'azure',
  'localhost',
]);

const SHAPE = /^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/;

export const subdomainSchema = z
  .string()
  .min(3, 'A subdomain has at least 3 characters.')
  .max(63, 'A subdomain has at most 63 characters.')
  .regex(SHAPE, 'Use lowercase letters, digits and hyphens; start and end with a letter or digit.')
  .refine((value) => !value.includes('--'), 'Two hyphens in a row are not allowed.')
  .refine((value) => !RESERVED_SUBDOMAINS.has(value), 'This subdomain is reserved.');

/** True when `label` may name a tenant (it may still be taken). */
export function isValidSubdomain(label: string): boolean {
  return subdomainSchema.safeParse(label).success;
}
