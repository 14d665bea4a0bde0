import { getConfig } from '../config';
import { siteOrigin } from '../tenancy/host';
import { authorityOf } from './id-token';

// Pages of Microsoft's the browser is sent to, in a directory's own
// authority. Entra sends the browser back only to a redirect URI of the app
// registration, so each comes back to a fixed page of the apex (README,
// Configuration, lists them).

export const SIGNED_OUT_PATH = '/signed-out';
export const ADMIN_CONSENTED_PATH = '/signup';

function authority(tid: string): string {
  return authorityOf(getConfig().AUTH_MICROSOFT_ENTRA_ID_ISSUER.replace('{tid}', tid));
}

const back = (path: string) => encodeURIComponent(`${siteOrigin(getConfig().ROOT_DOMAIN)}${path}`);

/**
 * Entra's own sign-out. Signing out of TheOrgWiki ends only our session;
 * Microsoft's stays, and on a shared computer would sign the previous person
 * straight back in.
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc#send-a-sign-out-request
 */
export function microsoftSignOutUrl(tid: string): string {
  return `${authority(tid)}/oauth2/v2.0/logout?post_logout_redirect_uri=${back(SIGNED_OUT_PATH)}`;
}

/**
 * Where a directory admin grants the app's application permissions
 * (Organization.Read.All, for the company's name at sign-up; User.Read.All, for people's photos).
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-admin-consent
 */
export function adminConsentUrl(tid: string): string {
  const clientId = encodeURIComponent(getConfig().AUTH_MICROSOFT_ENTRA_ID_ID ?? '');
  return `${authority(tid)}/adminconsent?client_id=${clientId}&redirect_uri=${back(ADMIN_CONSENTED_PATH)}`;
}
