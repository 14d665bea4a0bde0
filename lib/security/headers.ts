import type { Config } from '../config';
import { siteOrigin } from '../tenancy/host';

// The browser-side protections every response carries, built in one place for
// both entry points: proxy.ts (pages and the app's route handlers, which get a
// fresh script nonce per request) and the Node server in lib/server (SCIM, the
// operations endpoints and Next's static files, which Next's proxy never sees).

export interface SecuritySettings {
  /** The public origin is https: only then may browsers be told never to use http again. */
  https: boolean;
  /** Where a form on our pages may send the browser, redirects included: our sites and the identity provider. */
  formTargets: string[];
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  development: boolean;
}

export type SecurityHeaders = Record<string, string>;

export function securitySettings(
  config: Pick<Config, 'ROOT_DOMAIN' | 'AUTH_MICROSOFT_ENTRA_ID_ISSUER'>,
  development = process.env.NODE_ENV === 'development',
): SecuritySettings {
  const apex = siteOrigin(config.ROOT_DOMAIN);
  const scheme = new URL(apex).protocol;
  return {
    https: scheme === 'https:',
    // "Sign in with Microsoft" posts to the apex and is redirected to the provider; sign-up's form
    // ends on the new tenant's site. Chromium checks form-action on each redirect of a submission.
    formTargets: [apex, `${scheme}//*.${config.ROOT_DOMAIN}`, new URL(config.AUTH_MICROSOFT_ENTRA_ID_ISSUER).origin],
    development,
  };
}

/** 128 random bits, base64 (CSP's nonce-source grammar). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** Two years, as the HSTS preload list recommends; subdomains too, since every tenant is one. */
const HSTS = 'max-age=63072000; includeSubDomains';

// Nothing a wiki does needs these; a script injected despite the CSP gets none of them.
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

function commonHeaders(settings: SecuritySettings): SecurityHeaders {
  return {
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    // Legacy complement of frame-ancestors, for browsers that predate it.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
    ...(settings.https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/**
 * Scripts only by nonce: Next puts this request's nonce on its own scripts, and
 * 'strict-dynamic' lets those load the chunks they need. Styles stay inline-able:
 * React renders style attributes, which a nonce cannot cover.
 */
function pagePolicy(nonce: string, settings: SecuritySettings): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${settings.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self' ${settings.formTargets.join(' ')}`,
    "frame-ancestors 'none'",
    ...(settings.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** An HTML page's headers; `nonce` must be new for each response. */
export function pageSecurityHeaders(nonce: string, settings: SecuritySettings): SecurityHeaders {
  return { 'Content-Security-Policy': pagePolicy(nonce, settings), ...commonHeaders(settings) };
}

/**
 * Everything that is not a page (JSON, SCIM, metrics, static files, the wiki's uploaded files): nothing in it
 * may run or be framed, and opened on its own it is a sandboxed document of no origin.
 */
export function apiSecurityHeaders(settings: SecuritySettings): SecurityHeaders {
  return { 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox", ...commonHeaders(settings) };
}

/** The headers of the response to `pathname` as the proxy sees it, with the page's nonce when it is a page. */
export function securityHeadersFor(pathname: string, settings: SecuritySettings): SecurityHeaders {
  return pathname.startsWith('/api/') ? apiSecurityHeaders(settings) : pageSecurityHeaders(createNonce(), settings);
}
