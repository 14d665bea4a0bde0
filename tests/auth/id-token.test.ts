import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityOf, verifyIdToken } from '../../lib/auth/id-token';

// The one signature check of ID tokens (oauth4webapi checks none), against a
// directory whose published key set holds an RSA and an EC key.

const TID = randomUUID();
const CLIENT_ID = 'app';
let server: http.Server;
let issuerTemplate: string;
const keys: Record<'rsa' | 'next' | 'ec', { privateKey: CryptoKey; jwk: JWK }> = {} as never;

beforeAll(async () => {
  // As Entra publishes them: the key signing now, the next one ahead of its use, and (here) an EC key.
  for (const [name, alg] of [
    ['rsa', 'RS256'],
    ['next', 'RS256'],
    ['ec', 'ES256'],
  ] as const) {
    const pair = await generateKeyPair(alg, { extractable: true });
    keys[name] = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: name, alg, use: 'sig' } };
  }
  server = http.createServer((req, res) => {
    res.writeHead(req.url === `/${TID}/discovery/v2.0/keys` ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys: [keys.rsa.jwk, keys.next.jwk, keys.ec.jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuerTemplate = `http://127.0.0.1:${(server.address() as AddressInfo).port}/{tid}/v2.0`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const token = (key: 'rsa' | 'next' | 'ec', alg: string, claims: Record<string, unknown> = {}) =>
  new SignJWT({ tid: TID, ...claims })
    .setProtectedHeader({ alg, kid: key })
    .setIssuer(issuerTemplate.replace('{tid}', TID))
    .setAudience(CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(keys[key].privateKey);

describe('verifyIdToken', () => {
  it('accepts an RS256 token signed by any key the directory publishes (a rollover signs with the next one)', async () => {
    await expect(verifyIdToken(await token('rsa', 'RS256'), TID, { issuerTemplate, clientId: CLIENT_ID })).resolves.toBeUndefined();
    await expect(verifyIdToken(await token('next', 'RS256'), TID, { issuerTemplate, clientId: CLIENT_ID })).resolves.toBeUndefined();
  });

  it('refuses any other algorithm, even signed by a published key', async () => {
    await expect(verifyIdToken(await token('ec', 'ES256'), TID, { issuerTemplate, clientId: CLIENT_ID })).rejects.toThrow(/alg/);
  });

  it("refuses another directory's issuer and another app's audience", async () => {
    await expect(verifyIdToken(await token('rsa', 'RS256'), randomUUID(), { issuerTemplate, clientId: CLIENT_ID })).rejects.toThrow();
    await expect(verifyIdToken(await token('rsa', 'RS256'), TID, { issuerTemplate, clientId: 'another-app' })).rejects.toThrow(/aud/);
  });
});

describe('identityOf', () => {
  const base = { tid: TID, oid: randomUUID(), preferred_username: 'pat@example.com', name: 'Pat' };

  it('keeps email only as sent, and says whether the directory vouches for it (xms_edov)', () => {
    expect(identityOf(base)).toMatchObject({ email: null, emailVerified: false, directoryRoles: [] });
    expect(identityOf({ ...base, email: 'pat@example.com' })).toMatchObject({ email: 'pat@example.com', emailVerified: false });
    expect(identityOf({ ...base, email: 'pat@example.com', xms_edov: true })).toMatchObject({ emailVerified: true });
    expect(identityOf({ ...base, email: 'pat@example.com', xms_edov: '1' })).toMatchObject({ emailVerified: true });
    expect(identityOf({ ...base, wids: ['62E90394-69F5-4237-9190-012177145E10', 7] })).toMatchObject({
      directoryRoles: ['62e90394-69f5-4237-9190-012177145e10'],
    });
  });

  it('refuses a profile without a well-formed tid or oid', () => {
    expect(identityOf({ ...base, oid: 'not-an-id' })).toBeNull();
    expect(identityOf({ ...base, tid: undefined })).toBeNull();
  });
});
