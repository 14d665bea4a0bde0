import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_MEMBER_ROLE, PERSONAL_ACCOUNTS_TID } from '../../lib/auth/entra-ids';
import { GLOBAL_ADMINISTRATOR, STATIC_DIRECTORIES } from '../../tools/dev-idp/directories';
import { startDevIdp, type DevIdp } from '../../tools/dev-idp/server';

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
async function authorize(userName: string, extra: Record<string, string> = {}, authority = 'organizations'): Promise<string> {
  const form = new URLSearchParams({
    client_id: CLIENT.id,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'openid profile email',
    state: 's1',
    nonce: 'n1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    tid: CONTOSO.tid,
    user: userName,
    ...extra,
  });
  const response = await fetch(`${base}/${authority}/oauth2/v2.0/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe('s1');
  return location.searchParams.get('code')!;
}

/** The ID token's claims for a sign-in as `userName` (typed in as "someone else" when `extra` says so). */
async function claimsOf(userName: string, extra: Record<string, string> = {}, authority = 'organizations') {
  const response = await redeem(await authorize(userName, extra, authority));
  expect(response.status).toBe(200);
  return decodeJwt((await response.json()).id_token);
}

const someoneElse = (extra: Record<string, string> = {}) => ({ someone_else: '1', mailbox: 'on', ...extra });

const redeem = (code: string, codeVerifier = verifier) =>
  fetch(`${base}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: codeVerifier,
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
    }),
  });

describe('the development identity provider', () => {
  it("publishes Entra's templated issuer for organizations and a concrete one per directory", async () => {
    const organizations = await (await fetch(`${base}/organizations/v2.0/.well-known/openid-configuration`)).json();
    expect(organizations.issuer).toBe(`${base}/{tenantid}/v2.0`);
    expect(organizations.code_challenge_methods_supported).toEqual(['S256']);
    const contoso = await (await fetch(`${base}/${CONTOSO.tid}/v2.0/.well-known/openid-configuration`)).json();
    expect(contoso.issuer).toBe(`${base}/${CONTOSO.tid}/v2.0`);
  });

  it("signs nobody but a directory admin in until the directory has consented to the app, as Microsoft's default has it", async () => {
    const alex = CONTOSO.people[1].userName;
    const refused = await fetch(`${base}/organizations/oauth2/v2.0/authorize`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: CLIENT.id,
        redirect_uri: REDIRECT,
        response_type: 'code',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        tid: CONTOSO.tid,
        user: alex,
      }),
      redirect: 'manual',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('AADSTS90094');
    // The admin's sign-in consents for everyone.
    await claimsOf(CONTOSO.people[0].userName);
    expect((await claimsOf(alex)).preferred_username).toBe(alex);
  });

  it("issues an ID token signed by the person's own directory, with tid, oid, preferred_username, wids, a verified email and the nonce", async () => {
    const person = CONTOSO.people[0];
    const response = await redeem(await authorize(person.userName.toUpperCase()));
    expect(response.status).toBe(200);
    const { id_token: idToken } = await response.json();
    const keys = createRemoteJWKSet(new URL(`${base}/${CONTOSO.tid}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(idToken, keys, { issuer: `${base}/${CONTOSO.tid}/v2.0`, audience: CLIENT.id });
    expect(payload).toMatchObject({
      tid: CONTOSO.tid,
      oid: idp.accounts.find(CONTOSO.tid, person.userName)!.oid,
      preferred_username: person.userName,
      name: person.name,
      email: person.email,
      xms_edov: true,
      wids: [DIRECTORY_MEMBER_ROLE, GLOBAL_ADMINISTRATOR],
      nonce: 'n1',
    });
  });

  it('sends no email for an account without a mailbox, and does not vouch for a domain the directory has not verified', async () => {
    const scanner = await claimsOf('scanner@contoso.example');
    expect(scanner).not.toHaveProperty('email');
    expect(scanner).not.toHaveProperty('xms_edov');
    expect(scanner.wids).toEqual([DIRECTORY_MEMBER_ROLE]);
    expect(await claimsOf('guesswork@elsewhere.example', someoneElse())).toMatchObject({ email: 'guesswork@elsewhere.example', xms_edov: false });
  });

  it('gives each account a random object id: kept across a rename and a restart, new for an account created again', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dev-idp-')), 'accounts.json');
    const start = () =>
      startDevIdp({
        port: 0,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        redirectUris: [REDIRECT],
        directories: async () => STATIC_DIRECTORIES,
        accountsFile: file,
      });
    const first = await start();
    const pat = first.accounts.resolve(CONTOSO.tid, { userName: 'pat@contoso.example', name: 'Pat', email: null, directoryRoles: [] });
    const lee = first.accounts.resolve(CONTOSO.tid, { userName: 'lee@contoso.example', name: 'Lee', email: null, directoryRoles: [] });
    expect(pat.oid).not.toBe(lee.oid);
    expect(first.accounts.rename(CONTOSO.tid, 'pat@contoso.example', 'patricia@contoso.example').oid).toBe(pat.oid);
    await first.close();

    const second = await start();
    expect(second.accounts.find(CONTOSO.tid, 'patricia@contoso.example')?.oid).toBe(pat.oid);
    second.accounts.remove(CONTOSO.tid, 'lee@contoso.example');
    const again = second.accounts.resolve(CONTOSO.tid, { userName: 'lee@contoso.example', name: 'Lee', email: null, directoryRoles: [] });
    expect(again.oid).not.toBe(lee.oid);
    await second.close();
  });

  it('signs with the newest of several published keys, and retires a key two rotations on', async () => {
    const keysUrl = `${base}/${CONTOSO.tid}/discovery/v2.0/keys`;
    const kidOf = async () => (await (await redeem(await authorize(CONTOSO.people[1].userName))).json()).id_token.split('.')[0];
    const header = async () => JSON.parse(Buffer.from(await kidOf(), 'base64url').toString()).kid as string;
    const before = await header();
    await idp.rotateKeys();
    const after = await header();
    expect(after).not.toBe(before);
    expect((await (await fetch(keysUrl)).json()).keys.map((k: { kid: string }) => k.kid)).toEqual([after, before]);
    await idp.rotateKeys();
    expect((await (await fetch(keysUrl)).json()).keys.map((k: { kid: string }) => k.kid)).not.toContain(before);
  });

  it('offers personal Microsoft accounts at common only, never at organizations', async () => {
    const refused = await fetch(`${base}/organizations/oauth2/v2.0/authorize`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: CLIENT.id,
        redirect_uri: REDIRECT,
        response_type: 'code',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        tid: PERSONAL_ACCOUNTS_TID,
        user: 'sam@outlook.example',
      }),
      redirect: 'manual',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('AADSTS50020');
    const personal = await claimsOf('sam@outlook.example', { tid: PERSONAL_ACCOUNTS_TID }, 'common');
    expect(personal).toMatchObject({ tid: PERSONAL_ACCOUNTS_TID, iss: `${base}/${PERSONAL_ACCOUNTS_TID}/v2.0` });
    expect(personal).not.toHaveProperty('wids');
  });

  it("grants the app permission only through a directory admin's consent, and Graph refuses a token without it", async () => {
    const appToken = async () => {
      const response = await fetch(`${base}/${CONTOSO.tid}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          scope: 'https://graph.microsoft.com/.default',
        }),
      });
      expect(response.status).toBe(200);
      return (await response.json()).access_token as string;
    };
    const organization = async () => (await fetch(`${idp.graphUrl}/v1.0/organization`, { headers: { Authorization: `Bearer ${await appToken()}` } })).status;
    expect(await organization()).toBe(403);
    const consent = (userName: string) =>
      fetch(`${base}/${CONTOSO.tid}/adminconsent`, {
        method: 'POST',
        body: new URLSearchParams({ client_id: CLIENT.id, redirect_uri: REDIRECT, state: 'c1', tid: CONTOSO.tid, user: userName }),
        redirect: 'manual',
      });
    const refused = await consent('alex.wilber@contoso.example');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('AADSTS90094');
    expect(await organization()).toBe(403);
    const granted = await consent('megan.bowen@contoso.example');
    expect(granted.status).toBe(302);
    expect(Object.fromEntries(new URL(granted.headers.get('location')!).searchParams)).toEqual({ admin_consent: 'True', tenant: CONTOSO.tid, state: 'c1' });
    expect(await organization()).toBe(200);
    // A wrong scope is refused, as Entra refuses one without /.default.
    const wrongScope = await fetch(`${base}/${CONTOSO.tid}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret, scope: 'User.Read' }),
    });
    expect((await wrongScope.json()).error).toBe('invalid_scope');
  });

  it("signs a B2B guest in as the host directory's guest at its authority, and at home at organizations", async () => {
    const guest = someoneElse({ guest: 'on' });
    const there = await claimsOf('guest@fabrikam.example', guest, CONTOSO.tid);
    const fabrikam = STATIC_DIRECTORIES[1].tid;
    expect(there).toMatchObject({ tid: CONTOSO.tid, iss: `${base}/${CONTOSO.tid}/v2.0`, idp: `https://sts.windows.net/${fabrikam}/`, acct: 1 });
    expect(there.oid).toBe(idp.accounts.find(CONTOSO.tid, 'guest@fabrikam.example')!.oid);
    const home = await claimsOf('guest@fabrikam.example', guest);
    expect(home).toMatchObject({ tid: fabrikam, iss: `${base}/${fabrikam}/v2.0` });
    expect(home.oid).not.toBe(there.oid);
    expect(home).not.toHaveProperty('idp');
  });

  it('signs out back to a registered redirect URI only', async () => {
    const out = (uri: string) => fetch(`${base}/${CONTOSO.tid}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(uri)}`, { redirect: 'manual' });
    const good = await out(REDIRECT);
    expect(good.status).toBe(302);
    expect(good.headers.get('location')).toBe(REDIRECT);
    expect((await out('http://evil.example/')).status).toBe(400);
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
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
        client_id: CLIENT.id,
        client_secret: 'nope',
      }),
    });
    expect(response.status).toBe(401);
    const page = await fetch(
      `${base}/organizations/oauth2/v2.0/authorize?client_id=${CLIENT.id}&redirect_uri=${encodeURIComponent('http://evil.example/cb')}&response_type=code`,
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('AADSTS50011');
  });

  it("tampers with an ID token only when asked to (test knobs for the app's checks)", async () => {
    const ok = await claimsOf('knob@contoso.example', someoneElse());
    expect(ok).toMatchObject({ tid: CONTOSO.tid, iss: `${base}/${CONTOSO.tid}/v2.0`, aud: CLIENT.id });
    const foreign = await claimsOf('knob@contoso.example', someoneElse({ tamper: 'foreign_issuer' }));
    expect(foreign.tid).toBe(CONTOSO.tid);
    expect(foreign.iss).not.toBe(`${base}/${CONTOSO.tid}/v2.0`);
    expect((await claimsOf('knob@contoso.example', someoneElse({ tamper: 'other_audience' }))).aud).not.toBe(CLIENT.id);
    // Same key id as the published key, another key's signature.
    const response = await redeem(await authorize('knob@contoso.example', someoneElse({ tamper: 'unknown_key' })));
    const { id_token: forged } = await response.json();
    const keys = createRemoteJWKSet(new URL(`${base}/${CONTOSO.tid}/discovery/v2.0/keys`));
    await expect(jwtVerify(forged, keys)).rejects.toThrow(/signature verification failed/);
  });
});
