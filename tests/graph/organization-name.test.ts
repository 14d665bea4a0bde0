import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_DIRECTORIES } from '../../tools/dev-idp/directories';
import { startDevIdp, type DevIdp } from '../../tools/dev-idp/server';
import { organizationName } from '../../lib/graph/organization-name';

// The app's own Graph call, through MSAL, against the local identity
// provider over https (MSAL talks to nothing else), with the settings that
// point it at Microsoft in production.

const [CONTOSO, FABRIKAM] = STATIC_DIRECTORIES;
let idp: DevIdp;

beforeAll(async () => {
  // Made and trusted by the test run (tests/support/global-setup.ts).
  const tlsDir = process.env.TEST_TLS_DIR!;
  const tls = { key: fs.readFileSync(path.join(tlsDir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(tlsDir, 'cert.pem'), 'utf8') };
  idp = await startDevIdp({
    port: 0,
    https: { port: 0, ...tls },
    clientId: 'graph-test',
    clientSecret: 'graph-secret',
    redirectUris: ['http://localhost:9/signup'],
    directories: async () => STATIC_DIRECTORIES,
  });
  Object.assign(process.env, {
    AUTH_MICROSOFT_ENTRA_ID_ID: 'graph-test',
    AUTH_MICROSOFT_ENTRA_ID_SECRET: 'graph-secret',
    GRAPH_AUTHORITY: idp.authorityTemplate!,
    GRAPH_URL: idp.graphUrl,
  });
});
afterAll(() => idp.close());

describe('organizationName', () => {
  it('is null until a directory admin consents, then reads the name, asking for the app token once per directory', async () => {
    expect(await organizationName(CONTOSO.tid)).toBeNull();
    idp.accounts.grantConsent(CONTOSO.tid);
    // A refusal is believed only with a fresh token (2 so far); after the consent the cached token is
    // refused once more and replaced by one that carries the permission (3), which is then kept.
    expect(await organizationName(CONTOSO.tid)).toBe('Contoso');
    expect(await organizationName(CONTOSO.tid)).toBe('Contoso');
    expect(await organizationName(CONTOSO.tid)).toBe('Contoso');
    expect(idp.appTokenRequests(CONTOSO.tid)).toBe(3);

    idp.accounts.grantConsent(FABRIKAM.tid);
    expect(await organizationName(FABRIKAM.tid)).toBe('Fabrikam');
    expect(await organizationName(FABRIKAM.tid)).toBe('Fabrikam');
    expect(idp.appTokenRequests(FABRIKAM.tid)).toBe(1);
  });

  it("asks for the scope GRAPH_SCOPE names (another cloud's Graph has another resource id)", async () => {
    const tid = STATIC_DIRECTORIES[0].tid;
    // The provider is the global cloud's, and refuses a token for the US Government cloud's Graph.
    process.env.GRAPH_SCOPE = 'https://graph.microsoft.us/.default';
    try {
      expect(await organizationName(tid)).toBeNull();
    } finally {
      delete process.env.GRAPH_SCOPE;
    }
    expect(await organizationName(tid)).toBe('Contoso');
  });
});
