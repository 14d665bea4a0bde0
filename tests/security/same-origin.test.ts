import { describe, expect, it } from 'vitest';
import { crossOriginRefusal } from '../../lib/security/same-origin';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const ROOT = 'theorgwiki.com';

describe('cross-origin refusal', () => {
  it('lets reads through from anywhere', () => {
    expect(crossOriginRefusal('GET', headers({ host: 'acme.theorgwiki.com', origin: 'https://evil.example' }), ROOT)).toBeNull();
  });

  it('lets a change through from the very same origin', () => {
    const same = headers({ host: 'acme.theorgwiki.com', origin: 'https://acme.theorgwiki.com', 'sec-fetch-site': 'same-origin' });
    expect(crossOriginRefusal('POST', same, ROOT)).toBeNull();
  });

  it('refuses a change from another site, another tenant of ours, plain http, or an opaque origin', () => {
    for (const origin of ['https://evil.example', 'https://globex.theorgwiki.com', 'http://acme.theorgwiki.com', 'null']) {
      expect(crossOriginRefusal('POST', headers({ host: 'acme.theorgwiki.com', origin }), ROOT), origin).toMatch(/may not change anything/);
    }
  });

  it('refuses a change the browser calls same-site or cross-site, even without Origin', () => {
    for (const site of ['same-site', 'cross-site', 'none']) {
      expect(crossOriginRefusal('DELETE', headers({ host: 'acme.theorgwiki.com', 'sec-fetch-site': site }), ROOT), site).not.toBeNull();
    }
  });

  it('lets a client that is no browser through: it has no cookies to abuse', () => {
    expect(crossOriginRefusal('POST', headers({ host: 'acme.theorgwiki.com' }), ROOT)).toBeNull();
  });

  it('uses http for a local root domain', () => {
    expect(crossOriginRefusal('POST', headers({ host: 'acme.localhost:3000', origin: 'http://acme.localhost:3000' }), 'localhost:3000')).toBeNull();
  });
});
