import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { customFetch } from 'next-auth';
import type { OIDCConfig } from 'next-auth/providers';
import * as oauth from 'oauth4webapi';
import { isUuid } from '../db';

// Microsoft Entra ID as a multi-tenant OpenID Connect provider. Sign-in goes
// to the `organizations` authority, whose discovery document names the issuer
// as the template `…/{tenantid}/v2.0`; each ID token is issued by the signer's
// own directory. So the issuer is checked against the token's own `tid`
// (`iss` must equal the template with `tid` filled in), never switched off:
// - oauth4webapi (under Auth.js) compares `iss` with what `_expectedIssuer`
//   answers for the token, and the discovery document we hand it carries that;
// - profile() then verifies the signature against that directory's own keys.
// Auth.js's built-in Entra provider cannot do this for any host but
// login.microsoftonline.com, and it calls Graph while signing in.

export interface EntraIdentity {
  tid: string;
  oid: string;
  /** preferred_username: the UPN, which SCIM provisions as userName. */
  userName: string;
  email: string | null;
  name: string;
}

// oauth4webapi's hook for issuers that vary per token (exported, untyped). Its
// version is pinned to the one Auth.js uses; if the hook ever goes, fail
// loudly at start rather than accept tokens unchecked.
const expectedIssuer = (oauth as unknown as { _expectedIssuer?: unknown })._expectedIssuer as symbol;
if (typeof expectedIssuer !== 'symbol') throw new Error('oauth4webapi no longer offers _expectedIssuer; per-directory issuer checks need another way in.');

export interface EntraSettings {
  clientId: string;
  clientSecret: string;
  /** e.g. https://login.microsoftonline.com/{tid}/v2.0 */
  issuerTemplate: string;
}

/** The issuer a directory's tokens must carry; a malformed `tid` gets one no token can match. */
export function issuerFor(template: string, tid: unknown): string {
  return typeof tid === 'string' && isUuid(tid) ? template.replace('{tid}', tid.toLowerCase()) : 'urn:invalid-tenant';
}

/** A discovery document whose parsed body keeps a Symbol-keyed property, which JSON cannot carry. */
class DiscoveryResponse extends Response {
  constructor(private readonly document: Record<string | symbol, unknown>) {
    super(JSON.stringify(document), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }

  override async json(): Promise<unknown> {
    return this.document;
  }
}

const keySets = new Map<string, JWTVerifyGetKey>();

function keysOf(issuer: string): JWTVerifyGetKey {
  // Entra publishes a directory's keys at …/{tid}/discovery/v2.0/keys.
  const url = `${issuer.replace(/\/v2\.0$/, '')}/discovery/v2.0/keys`;
  let keys = keySets.get(url);
  if (!keys) {
    if (keySets.size > 1_000) keySets.clear();
    keys = createRemoteJWKSet(new URL(url));
    keySets.set(url, keys);
  }
  return keys;
}

export function entraProvider(settings: EntraSettings): OIDCConfig<Record<string, unknown>> {
  const authority = settings.issuerTemplate.replace('{tid}', 'organizations');
  return {
    id: 'microsoft-entra-id',
    name: 'Microsoft',
    type: 'oidc',
    issuer: authority,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    client: { token_endpoint_auth_method: 'client_secret_post' },
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: 'openid profile email', prompt: 'select_account' } },
    async profile(claims, tokens) {
      const issuer = issuerFor(settings.issuerTemplate, claims.tid);
      await jwtVerify(String(tokens.id_token), keysOf(issuer), { issuer, audience: settings.clientId });
      return { id: String(claims.oid), name: String(claims.name ?? claims.preferred_username), email: typeof claims.email === 'string' ? claims.email : null };
    },
    async [customFetch](...args: Parameters<typeof fetch>) {
      const response = await fetch(...args);
      const url = args[0] instanceof Request ? args[0].url : String(args[0]);
      if (!url.endsWith('/.well-known/openid-configuration') || !response.ok) return response;
      const document = (await response.json()) as Record<string | symbol, unknown>;
      if (typeof document.issuer !== 'string' || !document.issuer.includes('{tenantid}')) return Response.json(document);
      return new DiscoveryResponse({
        ...document,
        issuer: authority,
        [expectedIssuer]: (result: { claims: Record<string, unknown> }) => issuerFor(settings.issuerTemplate, result.claims.tid),
      });
    },
  };
}

/** The identity of a signed-in Auth.js profile, as the rest of the app needs it. */
export function identityOf(profile: Record<string, unknown>): EntraIdentity | null {
  const { tid, oid, preferred_username: userName, email, name } = profile;
  if (typeof tid !== 'string' || !isUuid(tid) || typeof oid !== 'string' || typeof userName !== 'string') return null;
  return { tid: tid.toLowerCase(), oid, userName, email: typeof email === 'string' ? email : null, name: typeof name === 'string' ? name : userName };
}
