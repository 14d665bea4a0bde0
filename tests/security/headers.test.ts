import { describe, expect, it } from 'vitest';
import { apiSecurityHeaders, createNonce, pageSecurityHeaders, securityHeadersFor, securitySettings } from '../../lib/security/headers';

const MICROSOFT = 'https://login.microsoftonline.com/{tid}/v2.0';
const production = securitySettings({ ROOT_DOMAIN: 'theorgwiki.com', AUTH_MICROSOFT_ENTRA_ID_ISSUER: MICROSOFT }, false);
const local = securitySettings({ ROOT_DOMAIN: 'localhost:3000', AUTH_MICROSOFT_ENTRA_ID_ISSUER: 'http://localhost:3001/{tid}/v2.0' }, false);

/** A policy's directives by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('HSTS', () => {
  it('is sent when the public origin is https, on pages and on everything else', () => {
    expect(pageSecurityHeaders('n', production)['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    expect(apiSecurityHeaders(production)['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
  });

  it('is never sent when the app is served over plain http on localhost', () => {
    expect(pageSecurityHeaders('n', local)).not.toHaveProperty('Strict-Transport-Security');
    expect(apiSecurityHeaders(local)).not.toHaveProperty('Strict-Transport-Security');
  });

  it('goes with upgrade-insecure-requests, which would break plain http', () => {
    expect(directives(pageSecurityHeaders('n', production)['Content-Security-Policy']).has('upgrade-insecure-requests')).toBe(true);
    expect(directives(pageSecurityHeaders('n', local)['Content-Security-Policy']).has('upgrade-insecure-requests')).toBe(false);
  });
});

describe('the page policy', () => {
  const policy = directives(pageSecurityHeaders('abc123==', production)['Content-Security-Policy']);

  it('runs only scripts carrying the nonce, and what they load', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets forms reach our sites and the identity provider, nowhere else', () => {
    expect(policy.get('form-action')).toEqual(["'self'", 'https://theorgwiki.com', 'https://*.theorgwiki.com', 'https://login.microsoftonline.com']);
    expect(directives(pageSecurityHeaders('n', local)['Content-Security-Policy']).get('form-action')).toEqual([
      "'self'",
      'http://localhost:3000',
      'http://*.localhost:3000',
      'http://localhost:3001',
    ]);
  });

  it('allows eval only under next dev', () => {
    const dev = securitySettings({ ROOT_DOMAIN: 'localhost:3000', AUTH_MICROSOFT_ENTRA_ID_ISSUER: MICROSOFT }, true);
    expect(directives(pageSecurityHeaders('n', dev)['Content-Security-Policy']).get('script-src')).toContain("'unsafe-eval'");
    for (const settings of [production, local]) {
      const scripts = directives(pageSecurityHeaders('n', settings)['Content-Security-Policy']).get('script-src');
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts).not.toContain("'unsafe-inline'");
    }
  });
});

describe('securityHeadersFor', () => {
  it('gives each page a fresh nonce and the app’s APIs a policy that runs nothing', () => {
    const first = securityHeadersFor('/people', local)['Content-Security-Policy'];
    const second = securityHeadersFor('/people', local)['Content-Security-Policy'];
    expect(first).not.toBe(second);
    expect(securityHeadersFor('/api/search', local)['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  });

  it('sends the same protections beside either policy', () => {
    const { 'Content-Security-Policy': page, ...pageRest } = securityHeadersFor('/', local);
    const { 'Content-Security-Policy': api, ...apiRest } = securityHeadersFor('/api/health', local);
    expect(page).not.toBe(api);
    expect(pageRest).toEqual(apiRest);
    expect(apiRest).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'strict-origin-when-cross-origin' });
    expect(apiRest['Permissions-Policy']).toMatch(/(^|, )camera=\(\)(,|$)/);
    expect(apiRest['Permissions-Policy']).toMatch(/(^|, )geolocation=\(\)(,|$)/);
    expect(apiRest['Permissions-Policy']).toMatch(/(^|, )microphone=\(\)(,|$)/);
  });
});

it('makes 128-bit nonces that are never the same twice', () => {
  const nonces = new Set(Array.from({ length: 100 }, createNonce));
  expect(nonces.size).toBe(100);
  for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
});
