import { describe, expect, it } from 'vitest';
import { parseHost, siteOrigin } from '../../lib/tenancy/host';
import { routeRequest, isScimPath } from '../../lib/tenancy/routing';
import { isValidSubdomain, subdomainSchema } from '../../lib/tenancy/subdomain';

const LOCAL = 'localhost:3000';
const PROD = 'theorgwiki.com';

describe('parseHost', () => {
  it.each([
    ['localhost:3000', LOCAL, { kind: 'apex' }],
    ['acme.localhost:3000', LOCAL, { kind: 'tenant', subdomain: 'acme' }],
    ['ACME.LocalHost:3000', LOCAL, { kind: 'tenant', subdomain: 'acme' }],
    ['theorgwiki.com', PROD, { kind: 'apex' }],
    ['theorgwiki.com.', PROD, { kind: 'apex' }],
    ['acme.theorgwiki.com', PROD, { kind: 'tenant', subdomain: 'acme' }],
    ['acme.theorgwiki.com.', PROD, { kind: 'tenant', subdomain: 'acme' }],
    ['acme.theorgwiki.com:443', PROD, { kind: 'tenant', subdomain: 'acme' }],
    ['  acme-corp-2.theorgwiki.com ', PROD, { kind: 'tenant', subdomain: 'acme-corp-2' }],
  ])('%s under %s', (host, root, expected) => {
    expect(parseHost(host, root)).toEqual(expected);
  });

  it.each([
    ['look-alike domain', 'acme.localhost.evil.com:3000', LOCAL],
    ['look-alike suffix without a dot', 'acmetheorgwiki.com', PROD],
    ['root as a subdomain of another domain', 'theorgwiki.com.evil.com', PROD],
    ['nested subdomain', 'a.acme.theorgwiki.com', PROD],
    ['wrong port', 'acme.localhost:3001', LOCAL],
    ['missing port', 'acme.localhost', LOCAL],
    ['IPv4 address', '127.0.0.1:3000', LOCAL],
    ['IPv6 address', '[::1]:3000', LOCAL],
    ['reserved subdomain', 'www.theorgwiki.com', PROD],
    ['reserved subdomain admin', 'admin.theorgwiki.com', PROD],
    ['too short', 'ab.theorgwiki.com', PROD],
    ['underscore', 'ac_me.theorgwiki.com', PROD],
    ['leading hyphen', '-acme.theorgwiki.com', PROD],
    ['empty label', '.theorgwiki.com', PROD],
    ['user info', 'user@acme.theorgwiki.com', PROD],
    ['path', 'acme.theorgwiki.com/x', PROD],
    ['two colons', 'acme.theorgwiki.com:1:2', PROD],
    ['empty', '', PROD],
  ])('%s is unknown', (_, host, root) => {
    expect(parseHost(host, root).kind).toBe('unknown');
  });

  it('treats a missing Host header as unknown', () => {
    expect(parseHost(null, PROD).kind).toBe('unknown');
  });
});

describe('subdomain rules', () => {
  it.each(['abc', 'acme', 'a1-b2', 'x'.repeat(63)])('accepts %s', (label) => {
    expect(isValidSubdomain(label)).toBe(true);
  });
  it.each(['ab', 'x'.repeat(64), 'Acme', 'acme-', '-acme', 'ac--me', 'ac.me', 'www', 'api', 'app', 'admin', 'login', 'static', 'tenant'])(
    'refuses %s',
    (label) => {
      expect(isValidSubdomain(label)).toBe(false);
    },
  );
  it('explains why a subdomain is refused', () => {
    const result = subdomainSchema.safeParse('www');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/reserved/);
  });
});

describe('routeRequest', () => {
  it('rewrites tenant requests into the internal segment', () => {
    expect(routeRequest('acme.localhost:3000', '/people/1', LOCAL)).toEqual({ action: 'rewrite', pathname: '/tenant/acme/people/1' });
    expect(routeRequest('acme.localhost:3000', '/', LOCAL)).toEqual({ action: 'rewrite', pathname: '/tenant/acme' });
  });

  it('lets apex requests through', () => {
    expect(routeRequest('localhost:3000', '/', LOCAL)).toEqual({ action: 'next' });
  });

  it.each([
    ['localhost:3000', '/tenant/acme'],
    ['localhost:3000', '/tenant'],
    ['acme.localhost:3000', '/tenant/other/people'],
    ['evil.localhost:3000', '/tenant/acme'],
  ])('refuses direct requests to the internal segment (%s%s)', (host, pathname) => {
    // Rewritten under the subdomain no tenant can have, which renders the 404 page.
    expect(routeRequest(host, pathname, LOCAL)).toEqual({ action: 'rewrite', pathname: `/tenant/-${pathname}` });
  });

  it.each([
    ['/api/v2/scim/v2', true],
    ['/api/v2/scim/v2/', true],
    ['/api/v2/scim/v2/Users/1', true],
    ['/api/v2/scim/v2Users', false],
    ['/api/v2/scim', false],
    ['/tenant/acme/api/v2/scim/v2/Users', false],
  ])('sends %s to the SCIM handler: %s', (pathname, expected) => {
    expect(isScimPath(pathname)).toBe(expected);
  });

  it('does not treat a look-alike path as the internal segment', () => {
    expect(routeRequest('localhost:3000', '/tenants-guide', LOCAL)).toEqual({ action: 'next' });
  });
});

describe('siteOrigin', () => {
  it('uses https except on localhost', () => {
    expect(siteOrigin(PROD, 'acme')).toBe('https://acme.theorgwiki.com');
    expect(siteOrigin(LOCAL, 'acme')).toBe('http://acme.localhost:3000');
    expect(siteOrigin(LOCAL)).toBe('http://localhost:3000');
  });
});
