import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_DIRECTORIES } from '../../lib/dev-idp/directories';
import { startDevIdp, type DevIdp } from '../../lib/dev-idp/server';

// The development identity provider is what every sign-in test trusts to
// behave like Entra; here it is held to that over real HTTP.

const [CONTOSO] = STATIC_DIRECTORIES;
const CLIENT = { id: 'app', secret: 'secret' };
const REDIRECT = 'http://localhost:9/api/auth/callback/microsoft-entra-id';
let idp: DevIdp;
let base: string;

beforeAll(async () => {
  idp = await startDevIdp({ port: 0, clientId: CLIENT.id, clientSecret: CLIENT.secret, redirectUris: [REDIRECT], directories: async () => STATIC_DIRECTORIES });
  base = idp.issuerTemplate.replace('/{tid}/v2.0', '');
});
afterAll(() => idp.close());

const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');

/** Picks `userName` on the login page (as its form would) and answers the code. */
async function authorize(userName: string, extra: Record<string, string> = {}): Promise<string> {
  const form = new URLSearchParams({
    client_id: CLIENT.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid profile email', state: 's1', nonce: 'n1',
    code_challenge: challenge, code_challenge_method: 'S256', tid: CONTOSO.tid, user: userName, ...extra,
  });
  const response = await fetch(`${base}/organizations/oauth2/v2.0/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe('s1');
  return location.searchParams.get('code')!;
}

const redeem = (code: string, codeVerifier = verifier) =>
  fetch(`${base}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: codeVerifier, client_id: CLIENT.id, client_secret: CLIENT.secret }),
  });

describe('the development identity provider', () => {
  it('publishes Entra\'s templated issuer for organizations and a concrete one per directory', async () => {
    const organizations = await (await fetch(`${base}/organizations/v2.0/.well-known/openid-configuration`)).json();
    expect(organizations.issuer).toBe(`${base}/{tenantid}/v2.0`);
    expect(organizations.code_challenge_methods_supported).toEqual(['S256']);
    const contoso = await (await fetch(`${base}/${CONTOSO.tid}/v2.0/.well-known/openid-configuration`)).json();
    expect(contoso.issuer).toBe(`${base}/${CONTOSO.tid}/v2.0`);
  });

  it('issues an ID token signed by the person\'s own directory, with tid, oid, preferred_username and the nonce', async () => {
    const person = CONTOSO.people[0];
    const response = await redeem(await authorize(person.userName.toUpperCase()));
    expect(response.status).toBe(200);
    const { id_token: idToken } = await response.json();
    const keys = createRemoteJWKSet(new URL(`${base}/${CONTOSO.tid}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(idToken, keys, { issuer: `${base}/${CONTOSO.tid}/v2.0`, audience: CLIENT.id });
    expect(payload).toMatchObject({ tid: CONTOSO.tid, oid: person.oid, preferred_username: person.userName, name: person.name, nonce: 'n1' });
  });

  it('takes a code once, and only with the right PKCE verifier', async () => {
    const code = await authorize(CONTOSO.people[1].userName);
    expect((await redeem(code, 'wrong-verifier')).status).toBe(400);
    // The failed attempt used the code up, as Entra does.
    const replay = await redeem(code);
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');

    const fresh = await authorize(CONTOSO.people[1].userName);
    expect((await redeem(fresh)).status).toBe(200);
    expect((await (await redeem(fresh)).json()).error_description).toMatch(/already redeemed/);
  });

  it('refuses a wrong client secret and an unregistered redirect URI', async () => {
    const code = await authorize(CONTOSO.people[0].userName);
    const response = await fetch(`${base}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: CLIENT.id, client_secret: 'nope' }),
    });
    expect(response.status).toBe(401);
    const page = await fetch(`${base}/organizations/oauth2/v2.0/authorize?client_id=${CLIENT.id}&redirect_uri=${encodeURIComponent('http://evil.example/cb')}&response_type=code`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('AADSTS50011');
  });

  it('signs under another directory only when asked to (the issuer-check test knob)', async () => {
    const response = await redeem(await authorize(CONTOSO.people[0].userName, { foreign_issuer: 'on' }));
    const claims = decodeJwt((await response.json()).id_token);
    expect(claims.tid).toBe(CONTOSO.tid);
    expect(claims.iss).not.toBe(`${base}/${CONTOSO.tid}/v2.0`);
  });
});
