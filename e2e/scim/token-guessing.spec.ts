import { randomBytes } from 'node:crypto';
import { TOKEN_PREFIX } from '../../lib/tokens/token-secret';
import { randomClientAddress as address, scimRequest } from '../support/scim-client';
import { expect, mintToken, test } from '../support/scim-fixtures';

// Guessing a token is pointless: failed bearer tokens are limited per source
// address (across tenants) and per tenant (across addresses), with a SCIM 429
// and Retry-After. The limits refuse wrong tokens only: a valid one is checked
// first, so strangers cannot get it refused (token-availability.spec.ts has
// issue 15's storms across instances and a restart). The tests' server trusts
// one proxy hop (playwright.config.ts), so X-Forwarded-For names each
// request's address.

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const guess = () => TOKEN_PREFIX + randomBytes(32).toString('base64url');

async function tryToken(subdomain: string, token: string, from: string) {
  return scimRequest({ subdomain, method: 'GET', path: '/Users?count=1', token, headers: { 'X-Forwarded-For': from } });
}

test('an address is refused guesses for five minutes at its 21st failure, and still served the valid token', async ({ tenant }) => {
  const from = address();
  for (let i = 0; i < 21; i++) expect((await tryToken(tenant.subdomain, guess(), from)).status).toBe(401);
  const refused = await tryToken(tenant.subdomain, guess(), from);
  expect(refused.status).toBe(429);
  expect(refused.json).toMatchObject({ schemas: [ERROR], status: '429' });
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(200);
  // Entra's addresses are shared by every Entra customer: the valid token from this one is served.
  expect((await tryToken(tenant.subdomain, tenant.token, from)).status).toBe(200);
  expect((await tryToken(tenant.subdomain, guess(), from)).status).toBe(429);
  expect((await tryToken(tenant.subdomain, guess(), address())).status).toBe(401);
});

test('a tenant failed 201 times from many addresses refuses wrong tokens, and serves its valid ones, used before or not', async ({ tenant }) => {
  expect((await tryToken(tenant.subdomain, tenant.token, address())).status).toBe(200);
  const unused = await mintToken(tenant.subdomain, 'never used');
  // Ten guesses each from twenty addresses: no address reaches its own limit.
  const addresses = Array.from({ length: 20 }, address);
  for (let round = 0; round < 10; round++) {
    const answers = await Promise.all(addresses.map((from) => tryToken(tenant.subdomain, guess(), from)));
    expect(answers.map((answer) => answer.status)).toEqual(addresses.map(() => 401));
  }
  // The 201st failure starts the block.
  expect((await tryToken(tenant.subdomain, guess(), address())).status).toBe(401);
  const refused = await tryToken(tenant.subdomain, guess(), address());
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(30);
  // A valid token nobody has used yet is served: a rotation must not wait for the guessers to stop.
  expect((await tryToken(tenant.subdomain, unused, address())).status).toBe(200);
  expect((await tryToken(tenant.subdomain, tenant.token, address())).status).toBe(200);
});
