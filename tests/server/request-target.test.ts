import { describe, expect, it } from 'vitest';
import { originForm } from '../../lib/server/request-target';

// The routing half of absolute-form requests; e2e/scim/request-target.spec.ts
// sends them to the server over a raw socket.

describe('the request target', () => {
  it('keeps origin-form and asterisk-form as they are', () => {
    expect(originForm('/people?q=ada')).toEqual({ path: '/people?q=ada', host: null });
    expect(originForm('//evil.example/x')).toEqual({ path: '//evil.example/x', host: null });
    expect(originForm('*')).toEqual({ path: '*', host: null });
  });

  it('routes the absolute form on its path and query, for the host it names', () => {
    expect(originForm('http://evil.example/phish')).toEqual({ path: '/phish', host: 'evil.example' });
    expect(originForm('HTTPS://Acme.TheOrgWiki.com:443/api/v2/scim/v2/Users?filter=userName%20eq%20%22a%22')).toEqual({
      path: '/api/v2/scim/v2/Users?filter=userName%20eq%20%22a%22',
      host: 'Acme.TheOrgWiki.com:443',
    });
    expect(originForm('http://acme.localhost:3000')).toEqual({ path: '/', host: 'acme.localhost:3000' });
    expect(originForm('http://acme.localhost:3000?x=1')).toEqual({ path: '/?x=1', host: 'acme.localhost:3000' });
  });

  it('refuses targets that name no host of an http URI', () => {
    for (const target of ['http:///phish', 'http://user@acme.localhost/', 'ftp://acme.localhost/', 'acme.localhost/x', 'http:evil.example', '']) {
      expect(originForm(target), target).toBeNull();
    }
  });
});
