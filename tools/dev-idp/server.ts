import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { DIRECTORY_MEMBER_ROLE, isDirectoryAdmin, PERSONAL_ACCOUNTS_TID } from '../../lib/auth/entra-ids';
import { DevAccounts, type DevAccount } from './accounts';
import { GLOBAL_ADMINISTRATOR, PERSONAL_ACCOUNTS, type DevDirectory } from './directories';
import { graphStandIn, ORGANIZATION_READ, USER_READ, type GraphPerson, type GraphStandIn } from './graph';
import { loginPage, type Tamper } from './login-page';
import { clientFrom, newKey, oauthError, readForm, sameSecret, send, sha256url, type SigningKey } from './oauth-http';

// A local OpenID Connect provider shaped like Microsoft Entra ID's v2.0
// endpoints, for `npm run demo` and the browser tests (Microsoft cannot be
// reached from here). The app talks to it only through the settings it would
// use for Microsoft. What it copies from Entra:
// - /{tenant}/v2.0/.well-known/openid-configuration for a directory id, and for
//   `organizations`/`common` with the templated issuer `…/{tenantid}/v2.0`;
// - ID tokens whose `iss` names the signer's own directory, with `tid`, `oid`,
//   `preferred_username`, `email`, `name` and the request's `nonce`;
// - the authorization-code flow with PKCE (S256), codes that work once
//   (a replay is `invalid_grant`), client_secret_basic or _post;
// - client credentials for the app's own Graph calls, and the part of Graph
//   the app calls (graph.ts).
// oidc-provider was the first choice, but it binds one issuer to an instance,
// and Entra's `organizations` authority answers with the signer's directory
// as the issuer, which it cannot do.

export interface DevIdpOptions {
  /** Port for the browser and the app's sign-in (http). 0 picks one. */
  port: number;
  /** Port for MSAL, which only talks to an https authority; needs a certificate. */
  https?: { port: number; key: string; cert: string };
  clientId: string;
  clientSecret: string;
  /** Where codes, consent answers and sign-out may send the browser (the app registration's redirect URIs). */
  redirectUris: string[];
  /** Where accounts and consent are kept across restarts; none keeps them in memory. */
  accountsFile?: string;
  /** The directories and people to offer, read on each sign-in so that newly provisioned people appear. */
  directories: () => Promise<DevDirectory[]>;
  /** A person of a directory by object id or user name, for Graph; default: from `directories` and the accounts. */
  findPerson?: (tid: string, id: string) => Promise<GraphPerson | null>;
  /** Graph requests a second per directory before 429 (default 100). */
  graphPerSecond?: number;
  /** Served at /favicon.ico: browsers ask every site for it, and log each 404. */
  favicon?: Buffer;
}

export interface DevIdp {
  /** e.g. http://localhost:3101/{tid}/v2.0: AUTH_MICROSOFT_ENTRA_ID_ISSUER for the app. */
  issuerTemplate: string;
  /** e.g. https://localhost:3102/{tid}: the MSAL authority template for the app's Graph calls. */
  authorityTemplate: string | null;
  /** Graph's base URL as this provider serves it. */
  graphUrl: string;
  /** The directories' accounts, as an Entra admin would manage them. */
  accounts: DevAccounts;
  /** Signs with a new key from now on; the previous one stays published, the one before goes. */
  rotateKeys(): Promise<void>;
  /** The Graph stand-in: its request counts, and a person's photo changed. */
  graph: Pick<GraphStandIn, 'changePhoto' | 'requests'>;
  /** Client-credential token requests so far, per directory (MSAL's cache keeps this at one per token lifetime). */
  appTokenRequests(tid: string): number;
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  nonce: string | null;
  codeChallenge: string;
  scope: string;
  tid: string;
  account: DevAccount;
  /** Testing knob: an ID token Entra would never send. */
  tamper: Tamper | null;
  expires: number;
}

const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** The role template id every B2B guest holds ("Guest User"). */
const GUEST_USER_ROLE = '10dae51f-b6af-4016-8d66-8c2a99b929b3';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_TTL_MS = 60_000;
const TOKEN_TTL_S = 3_600;

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  // Published keys, the one signing now first.
  let keys: SigningKey[] = [await newKey()];
  const accounts = new DevAccounts(options.accountsFile ?? null);
  const appTokens = new Map<string, number>();
  const codes = new Map<string, PendingCode>();
  let httpBase = '';
  let httpsBase = '';

  const sign = (claims: Record<string, unknown>, issuer: string, audience: string, key: SigningKey = keys[0]) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${TOKEN_TTL_S}s`)
      .sign(key.privateKey);

  const issuerOf = (base: string, tid: string) => `${base}/${tid}/v2.0`;

  async function findDirectory(tid: string): Promise<DevDirectory | undefined> {
    return (await options.directories()).find((d) => d.tid === tid);
  }

  /** The directories an authority offers: one directory, or every organization; personal accounts only where Microsoft takes them. */
  async function directoriesAt(tenant: string): Promise<DevDirectory[]> {
    const all = [...(await options.directories()), PERSONAL_ACCOUNTS];
    if (GUID.test(tenant)) return all.filter((d) => d.tid === tenant.toLowerCase());
    if (tenant === 'consumers') return [PERSONAL_ACCOUNTS];
    return tenant === 'common' ? all : all.filter((d) => d.tid !== PERSONAL_ACCOUNTS_TID);
  }

  /** A guest's home directory: the one whose people share their domain, or one named after it. */
  async function homeDirectoryOf(userName: string, hostTid: string): Promise<string> {
    const domain = userName.split('@')[1]?.toLowerCase() ?? userName.toLowerCase();
    const known = (await options.directories()).find((d) => d.tid !== hostTid && d.people.some((p) => p.userName.toLowerCase().endsWith(`@${domain}`)));
    if (known) return known.tid;
    const hex = createHash('sha256').update(domain).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A directory verifies the domains its people's user names are in (Entra only lets a UPN use a verified domain). */
  const verifiedDomain = (directory: DevDirectory, email: string) =>
    directory.people.some((p) => p.userName.split('@')[1]?.toLowerCase() === email.split('@')[1]?.toLowerCase());

  function discovery(base: string, tenant: string) {
    return {
      issuer: GUID.test(tenant) ? issuerOf(base, tenant.toLowerCase()) : `${base}/{tenantid}/v2.0`,
      authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
      jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      userinfo_endpoint: `${base}/oidc/userinfo`,
      end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'name', 'preferred_username', 'email', 'oid', 'tid'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'localhost',
    };
  }

  async function authorize(req: http.IncomingMessage, res: http.ServerResponse, tenant: string, url: URL): Promise<void> {
    const params = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const clientId = params.get('client_id');
    const redirectUri = params.get('redirect_uri') ?? '';
    if (clientId !== options.clientId) return send(res, 400, loginPage.error(`AADSTS700016: Application with identifier '${clientId}' was not found.`));
    if (!options.redirectUris.includes(redirectUri))
      return send(res, 400, loginPage.error(`AADSTS50011: The redirect URI '${redirectUri}' does not match the redirect URIs configured for the application.`));
    const back = (query: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
      const state = params.get('state');
      if (state !== null) target.searchParams.set('state', state);
      res.writeHead(302, { Location: target.toString(), 'Cache-Control': 'no-store' }).end();
    };
    if (params.get('response_type') !== 'code')
      return back({ error: 'unsupported_response_type', error_description: 'AADSTS700054: only response_type=code is enabled.' });
    const codeChallenge = params.get('code_challenge');
    if (!codeChallenge || params.get('code_challenge_method') !== 'S256') {
      return back({ error: 'invalid_request', error_description: 'AADSTS9002325: Proof Key for Code Exchange is required (S256).' });
    }
    const directories = await directoriesAt(tenant);

    if (req.method === 'GET') return send(res, 200, loginPage.render(directories, params));

    // The person picked on the login page, or typed in as "someone else".
    const tid = (params.get('tid') ?? '').toLowerCase();
    const directory = directories.find((d) => d.tid === tid);
    if (tid === PERSONAL_ACCOUNTS_TID && !directory) {
      return send(res, 400, loginPage.error("AADSTS50020: You can't sign in here with a personal account. Use your work or school account instead."));
    }
    if (!directory) return send(res, 400, loginPage.error('AADSTS90002: Tenant not found.'));
    const userName = (params.get('user') ?? '').trim();
    const listed = directory.people.find((p) => p.userName.toLowerCase() === userName.toLowerCase());
    const typed = params.get('someone_else') === '1';
    if (!userName || (!listed && !typed)) return send(res, 400, loginPage.error('AADSTS50034: The user account does not exist.'));
    const form = typed
      ? {
          oid: listed?.oid,
          userName: listed?.userName ?? userName,
          name: params.get('name')?.trim() || listed?.name || userName,
          email: params.get('mailbox') === 'on' ? (listed?.email ?? userName) : null,
          directoryRoles: params.get('admin') === 'on' ? [GLOBAL_ADMINISTRATOR] : (listed?.directoryRoles ?? []),
        }
      : listed!;
    // A B2B guest: their own object in this directory at its own authority; at `organizations`, Entra signs them in at home.
    const guestOf = typed && params.get('guest') === 'on' ? await homeDirectoryOf(userName, tid) : null;
    const tokenTid = guestOf && !GUID.test(tenant) ? guestOf : tid;
    const account = guestOf
      ? accounts.resolve(tokenTid, { ...form, oid: undefined, directoryRoles: [], homeTid: tokenTid === tid ? guestOf : undefined }, true)
      : accounts.resolve(tid, form, typed);
    // Consent to the app signing people in: a directory admin gives it for everyone, anyone else needs it given.
    const home = tokenTid === tid ? directory : await findDirectory(tokenTid);
    if (home && !home.consented && !accounts.hasSignInConsent(tokenTid)) {
      if (!isDirectoryAdmin(account.directoryRoles)) {
        return send(
          res,
          403,
          loginPage.error(
            `AADSTS90094: Need admin approval. ${options.clientId} needs permission to access resources in your organization that only an admin can grant.`,
          ),
        );
      }
      accounts.grantSignInConsent(tokenTid);
    }
    const code = randomBytes(32).toString('base64url');
    codes.set(code, {
      clientId,
      redirectUri,
      nonce: params.get('nonce'),
      codeChallenge,
      scope: params.get('scope') ?? 'openid',
      tid: tokenTid,
      account,
      tamper: loginPage.tamper(params.get('tamper')),
      expires: Date.now() + CODE_TTL_MS,
    });
    back({ code, session_state: randomBytes(8).toString('hex') });
  }

  async function token(req: http.IncomingMessage, res: http.ServerResponse, tenant: string, base: string): Promise<void> {
    const form = await readForm(req);
    const client = clientFrom(req, form);
    if (!client || client.id !== options.clientId || !sameSecret(client.secret, options.clientSecret)) {
      return oauthError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    }
    const grant = form.get('grant_type');
    if (grant === 'client_credentials') {
      if (!GUID.test(tenant)) return oauthError(res, 400, 'invalid_request', 'AADSTS90002: client credentials need a directory id in the authority.');
      const tid = tenant.toLowerCase();
      if (form.get('scope') !== `${GRAPH_RESOURCE}/.default`) {
        return oauthError(
          res,
          400,
          'invalid_scope',
          `AADSTS1002012: The provided value for scope ${form.get('scope')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
        );
      }
      if (!(await findDirectory(tid)))
        return oauthError(res, 400, 'unauthorized_client', `AADSTS700016: Application with identifier '${client.id}' was not found in the directory '${tid}'.`);
      appTokens.set(tid, (appTokens.get(tid) ?? 0) + 1);
      // Application permissions only once a directory admin has consented to them.
      const roles = accounts.hasConsent(tid) ? { roles: [ORGANIZATION_READ, USER_READ] } : {};
      const accessToken = await sign({ tid, ...roles, appid: client.id }, `https://sts.localhost/${tid}/`, GRAPH_RESOURCE);
      return send(res, 200, { token_type: 'Bearer', expires_in: TOKEN_TTL_S, ext_expires_in: TOKEN_TTL_S, access_token: accessToken });
    }
    if (grant !== 'authorization_code') return oauthError(res, 400, 'unsupported_grant_type', 'AADSTS70003: unsupported grant type.');
    const code = form.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code); // one use, whatever happens next
    if (!pending || pending.expires < Date.now() || pending.clientId !== client.id) {
      return oauthError(res, 400, 'invalid_grant', 'AADSTS54005: OAuth2 Authorization code was already redeemed or is not valid.');
    }
    if (form.get('redirect_uri') !== pending.redirectUri) return oauthError(res, 400, 'invalid_grant', 'AADSTS500112: The reply address does not match.');
    if (sha256url(form.get('code_verifier') ?? '') !== pending.codeChallenge) {
      return oauthError(res, 400, 'invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
    const { account, tid, tamper } = pending;
    const directory = tid === PERSONAL_ACCOUNTS_TID ? PERSONAL_ACCOUNTS : await findDirectory(tid);
    const mailbox = account.email && directory ? { email: account.email, xms_edov: verifiedDomain(directory, account.email) } : {};
    const claims = {
      ver: '2.0',
      tid,
      oid: account.oid,
      sub: sha256url(`${account.oid}:${client.id}`),
      preferred_username: account.userName,
      name: account.name,
      ...mailbox,
      ...(tid === PERSONAL_ACCOUNTS_TID ? {} : { wids: account.homeTid ? [GUEST_USER_ROLE] : [DIRECTORY_MEMBER_ROLE, ...account.directoryRoles] }),
      // A guest's token says where they come from (https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference).
      ...(account.homeTid ? { idp: `https://sts.windows.net/${account.homeTid}/`, acct: 1 } : {}),
      ...(pending.nonce ? { nonce: pending.nonce } : {}),
    };
    const foreignTid = (await options.directories()).find((d) => d.tid !== tid)?.tid ?? randomUUID();
    const idToken = await sign(
      claims,
      issuerOf(base, tamper === 'foreign_issuer' ? foreignTid : tid),
      tamper === 'other_audience' ? randomUUID() : client.id,
      // The published key's id, another key's signature: only a signature check tells.
      tamper === 'unknown_key' ? { ...(await newKey()), kid: keys[0].kid } : keys[0],
    );
    const accessToken = await sign({ ...claims, scp: pending.scope }, issuerOf(base, tid), options.clientId);
    send(res, 200, {
      token_type: 'Bearer',
      scope: pending.scope,
      expires_in: TOKEN_TTL_S,
      ext_expires_in: TOKEN_TTL_S,
      access_token: accessToken,
      id_token: idToken,
    });
  }

  /** The admin-consent endpoint: a directory admin grants the app's application permissions for the directory. */
  async function adminConsent(req: http.IncomingMessage, res: http.ServerResponse, tenant: string, url: URL): Promise<void> {
    const params = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const redirectUri = params.get('redirect_uri') ?? '';
    if (params.get('client_id') !== options.clientId)
      return send(res, 400, loginPage.error(`AADSTS700016: Application with identifier '${params.get('client_id')}' was not found.`));
    if (!options.redirectUris.includes(redirectUri))
      return send(res, 400, loginPage.error(`AADSTS50011: The redirect URI '${redirectUri}' does not match the redirect URIs configured for the application.`));
    const directories = (await directoriesAt(tenant)).filter((d) => d.tid !== PERSONAL_ACCOUNTS_TID);
    if (req.method === 'GET') return send(res, 200, loginPage.render(directories, params));
    const tid = (params.get('tid') ?? '').toLowerCase();
    const directory = directories.find((d) => d.tid === tid);
    const person = directory?.people.find((p) => p.userName.toLowerCase() === (params.get('user') ?? '').trim().toLowerCase());
    if (!directory || !person) return send(res, 400, loginPage.error('AADSTS50034: The user account does not exist.'));
    if (!isDirectoryAdmin(accounts.resolve(tid, person).directoryRoles)) {
      return send(
        res,
        403,
        loginPage.error('AADSTS90094: Admin consent is required: this permission can only be granted by an administrator of the directory.'),
      );
    }
    accounts.grantConsent(tid);
    const target = new URL(redirectUri);
    target.searchParams.set('admin_consent', 'True');
    target.searchParams.set('tenant', tid);
    if (params.get('state') !== null) target.searchParams.set('state', params.get('state')!);
    res.writeHead(302, { Location: target.toString(), 'Cache-Control': 'no-store' }).end();
  }

  /** Sign-out: back only to a redirect URI of the app registration, as Entra does. */
  function logout(res: http.ServerResponse, url: URL): void {
    const back = url.searchParams.get('post_logout_redirect_uri');
    if (back === null) return send(res, 200, loginPage.error('You signed out of your account. It is a good idea to close all browser windows.'));
    if (!options.redirectUris.includes(back))
      return send(
        res,
        400,
        loginPage.error(`AADSTS50011: The post logout redirect URI '${back}' does not match the redirect URIs configured for the application.`),
      );
    res.writeHead(302, { Location: back, 'Cache-Control': 'no-store' }).end();
  }

  /** Bearer tokens this provider signed (any audience), for userinfo and Graph. */
  async function bearer(req: http.IncomingMessage): Promise<Record<string, unknown> | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) return null;
    try {
      const keySet = { keys: keys.map((k) => k.jwk) };
      return (await jwtVerify(match[1], createLocalJWKSet(keySet))).payload;
    } catch {
      return null;
    }
  }

  /** By object id (an account's, or the one a person was provisioned with) or by user name. */
  async function findPersonByDefault(tid: string, id: string): Promise<GraphPerson | null> {
    const directory = await findDirectory(tid);
    const person = directory?.people.find((p) =>
      GUID.test(id) ? (p.oid ?? accounts.find(tid, p.userName)?.oid) === id : p.userName.toLowerCase() === id.toLowerCase(),
    );
    return person ? { userName: person.userName, name: person.name, hasMailbox: person.email !== null } : null;
  }

  const graph = graphStandIn({
    directoryName: async (tid) => (await findDirectory(tid))?.name,
    findPerson: options.findPerson ?? findPersonByDefault,
    perSecond: options.graphPerSecond ?? 100,
  });

  const handler = (base: () => string) => async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', base());
      const parts = url.pathname.split('/').filter(Boolean);
      const [tenant] = parts;
      const rest = parts.slice(1).join('/');
      if (url.pathname === '/favicon.ico' && options.favicon) {
        res.writeHead(200, { 'Content-Type': 'image/x-icon', 'Cache-Control': 'public, max-age=86400' });
        return res.end(options.favicon);
      }
      if (url.pathname === '/oidc/userinfo') {
        const claims = await bearer(req);
        if (!claims) return oauthError(res, 401, 'invalid_token', 'The access token is missing or invalid.');
        return send(res, 200, {
          sub: claims.sub,
          name: claims.name,
          preferred_username: claims.preferred_username,
          email: claims.email,
          oid: claims.oid,
          tid: claims.tid,
        });
      }
      if (await graph.handle(req, res, url, url.pathname.startsWith('/v1.0/') ? await bearer(req) : null)) return;
      if (!tenant || !(GUID.test(tenant) || ['organizations', 'common', 'consumers'].includes(tenant))) return send(res, 404, { error: 'not_found' });
      if (rest === 'v2.0/.well-known/openid-configuration') return send(res, 200, discovery(base(), tenant));
      if (rest === 'discovery/v2.0/keys') return send(res, 200, { keys: keys.map((k) => k.jwk) });
      if (rest === 'oauth2/v2.0/authorize') return await authorize(req, res, tenant, url);
      if (rest === 'adminconsent') return await adminConsent(req, res, tenant, url);
      if (rest === 'oauth2/v2.0/logout') return logout(res, url);
      if (rest === 'oauth2/v2.0/token' && req.method === 'POST') return await token(req, res, tenant, base());
      send(res, 404, { error: 'not_found' });
    } catch (error) {
      if (!res.headersSent) send(res, 500, { error: 'server_error', error_description: (error as Error).message });
    }
  };

  const listen = (server: http.Server | https.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });

  const plain = http.createServer(handler(() => httpBase));
  httpBase = `http://localhost:${await listen(plain, options.port)}`;
  let secure: https.Server | null = null;
  if (options.https) {
    secure = https.createServer(
      { key: options.https.key, cert: options.https.cert },
      handler(() => httpsBase),
    );
    httpsBase = `https://localhost:${await listen(secure, options.https.port)}`;
  }
  const close = (server: http.Server | https.Server | null) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  return {
    issuerTemplate: `${httpBase}/{tid}/v2.0`,
    authorityTemplate: secure ? `${httpsBase}/{tid}` : null,
    graphUrl: httpBase,
    accounts,
    graph,
    async rotateKeys() {
      keys = [await newKey(), keys[0]];
    },
    appTokenRequests: (tid) => appTokens.get(tid) ?? 0,
    async close() {
      plain.closeAllConnections();
      secure?.closeAllConnections();
      await Promise.all([close(plain), close(secure)]);
    },
  };
}
