import { E2E_ROOT } from '../../playwright.config';

/** The URL of a page on a tenant's subdomain (Chromium resolves *.localhost itself). */
export function tenantUrl(subdomain: string, pathname = '/'): string {
  return `http://${subdomain}.${E2E_ROOT}${pathname}`;
}

/** Where the browser tests' server writes the URL of its database, for specs that set up tenants. */
export const E2E_DATABASE_FILE = '.data/e2e-database-url';
