import { customFetch } from 'next-auth';
import type { OIDCConfig } from 'next-auth/providers';
import * as oauth from 'oauth4webapi';
import { issuerFor, verifyIdToken, type EntraSettings } from './id-token';

export { identityOf, type EntraIdentity } from './id-token';

// Microsoft Entra ID as a multi-tenant OpenID Connect provider. Sign-in goes
// to a tenant's own directory when it is known (sign-in-directory.ts), whose
// discovery document names that directory as the issuer, or else to the
// `organizations` authority, whose discovery document names the issuer as
// the template `…/{tenantid}/v2.0`; each ID token is issued by the signer's
// own directory. So the issuer is checked against the token's own `tid`
// (`iss` must equal the template with `tid` filled in), never switched off:
// - oauth4webapi (under Auth.js) compares `iss` with what `_expectedIssuer`
//   answers for the token, and the discovery document we hand it carries that;
// - profile() then verifies the signature against that directory's own keys.
// Auth.js's built-in Entra provider cannot do this for any host but
// login.microsoftonline.com, and it calls Graph while signing in.

// oauth4webapi's hook for issuers that vary per token (exported, untyped). Its
// version is pinned to the one Auth.js uses; if the hook ever goes, fail
// loudly at start rather than accept tokens unchecked.
const expectedIssuer = (oauth as unknown as { _expectedIssuer?: unknown })._expectedIssuer as symbol;
if (typeof expectedIssuer !== 'symbol') throw new Error('oauth4webapi no longer offers _expectedIssuer; per-directory issuer checks need another way in.');

/** A discovery document whose parsed body keeps a Symbol-keyed property, which JSON cannot carry. */
class DiscoveryResponse extends Response {
  constructor(private readonly document: Record<string | symbol, unknown>) {
    super(JSON.stringify(document), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }

  override async json(): Promise<unknown> {
    return this.document;
  }
}

/** `directory`: sign in at that directory's own authority (its guests get its tid); null: at `organizations`. */
export function entraProvider(settings: EntraSettings, directory: string | null = null): OIDCConfig<Record<string, unknown>> {
  const authority = settings.issuerTemplate.replace('{tid}', directory ?? 'organizations');
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
      await verifyIdToken(String(tokens.id_token), claims.tid, settings);
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
