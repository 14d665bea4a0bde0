import { randomBytes } from 'node:crypto';
import { E2E_PORT } from '../../playwright.config';
import { httpRequest, type HttpResponse } from '../support/http';
import { scimRequest } from '../support/scim-client';
import { expect, test } from '../support/test';
import { ACTIONS, HANDLERS, PAGES, type Intruder, type PageRule, type Refusal } from './support/access-table';
import { actionExports, builtActions, handlerMethods, pageFiles, urlOf, type BuiltAction } from './support/app-routes';
import { fingerprints, type Fingerprints } from './support/fingerprint';
import { encodeAction, type ActionArgs } from './support/next-action';
import { SCIM_ROUTES, UNROUTED } from './support/scim-table';
import { buildWorld, scimTarget, SETUP_LANES, tenantWithTokens, type ScimTarget, type Tenant, type World } from './support/world';

// The tenant-isolation matrix: every SCIM request the route table answers ×
// every kind of bad credential, and every page, route handler and server
// action × everyone who must be refused, each cell asserting the exact
// refusal and that the tenants' rows did not change. The cells are generated
// from the app's files and SCIM_ENDPOINTS; the tables in ./support say how to
// fill each route and who may use it, and a route they do not name fails the
// first test below.

const APEX = `localhost:${E2E_PORT}`;
/** Setting up tenants and a few hundred requests: 20-40 s on CI's two cores when other suites share them. */
const HEAVY_TEST_MS = 120_000;
const hostOf = (subdomain: string) => `${subdomain}.${APEX}`;

const scimEndpoints = async () => {
  const { SCIM_ENDPOINTS } = await import('../../lib/scim/endpoints');
  return SCIM_ENDPOINTS;
};

const GUARDED_INTRUDERS: Record<'member' | 'admin' | 'apex-identity', Intruder[]> = {
  member: ['anonymous', 'otherTenant'],
  admin: ['anonymous', 'otherTenant', 'member'],
  'apex-identity': ['anonymous', 'otherTenant'],
};

function pageRuleOf(file: string): { key: string; rule: PageRule | undefined } {
  const { site, pattern } = urlOf(file);
  const key = `${site} ${pattern}`;
  return { key, rule: PAGES[key] };
}

test('the isolation matrix covers every route the app has', async () => {
  const missing: string[] = [];
  const listed = { pages: new Set<string>(), handlers: new Set<string>(), actions: new Set<string>() };
  for (const page of pageFiles()) {
    const { key, rule } = pageRuleOf(page.file);
    listed.pages.add(key);
    if (!rule) missing.push(`new page ${page.file} (${key}) is not covered by the isolation matrix`);
  }
  for (const handler of handlerMethods()) {
    const key = `${handler.method} ${handler.site} ${handler.pattern}`;
    listed.handlers.add(key);
    if (!HANDLERS[key]) missing.push(`new route ${handler.method} ${handler.file} (${key}) is not covered by the isolation matrix`);
  }
  const built = builtActions();
  for (const action of actionExports()) {
    const key = `${action.file}#${action.name}`;
    listed.actions.add(key);
    if (!ACTIONS[key]) missing.push(`new server action ${key} is not covered by the isolation matrix`);
    else if (ACTIONS[key].access !== 'public' && !built.has(key)) missing.push(`server action ${key} has no id in the build (.next): run npm run build`);
  }
  const endpoints = await scimEndpoints();
  for (const endpoint of endpoints) {
    const rule = SCIM_ROUTES[endpoint.route];
    if (!rule) missing.push(`new SCIM route ${endpoint.route} is not covered by the isolation matrix`);
    for (const method of Object.keys(endpoint.methods)) {
      if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && !rule?.bodies?.[method])
        missing.push(`SCIM ${method} ${endpoint.route} has no body in the isolation matrix`);
    }
  }
  // Rows for routes that are gone would leave the table claiming coverage it does not have.
  const stale = [
    ...Object.keys(PAGES).filter((key) => !listed.pages.has(key)),
    ...Object.keys(HANDLERS).filter((key) => !listed.handlers.has(key)),
    ...Object.keys(ACTIONS).filter((key) => !listed.actions.has(key)),
    ...Object.keys(SCIM_ROUTES).filter((route) => !endpoints.some((e) => e.route === route)),
  ].map((key) => `the isolation matrix lists ${key}, which the app no longer has`);
  // Every guarded row refuses at least everyone its access level shuts out.
  const loose = [...Object.entries(PAGES), ...Object.entries(HANDLERS), ...Object.entries(ACTIONS)].flatMap(([key, rule]) =>
    rule.access === 'public'
      ? []
      : GUARDED_INTRUDERS[rule.access].filter((who) => !rule.refused[who]).map((who) => `${key} does not say how ${who} is refused`),
  );
  expect([...missing, ...stale, ...loose]).toEqual([]);

  const scimCells = scimCalls(endpoints, dummyScimTarget).length * CREDENTIALS.length;
  const webCells = [...Object.values(PAGES), ...Object.values(HANDLERS), ...Object.values(ACTIONS)].reduce(
    (n, rule) => n + (rule.access === 'public' ? 0 : Object.keys(rule.refused).length + (rule.foreignIds ? 1 : 0)),
    0,
  );
  const publicRoutes = [...Object.values(PAGES), ...Object.values(HANDLERS), ...Object.values(ACTIONS)].filter((rule) => rule.access === 'public').length;
  console.log(
    `isolation matrix: ${scimCells + webCells} cells (SCIM ${scimCells}, pages, route handlers and actions ${webCells}); ${publicRoutes} public routes listed`,
  );
});

// SCIM: refused with 401, its challenge and the SCIM error body (RFC 7644 §3.12, RFC 6750 §3).

const UNAUTHORIZED = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status: '401',
  detail: 'Send the token of a service account of this tenant as "Authorization: Bearer <token>".',
};

type Credential = { name: string; headers: (t: ScimTarget, other: Tenant) => Record<string, string> };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const CREDENTIALS: Credential[] = [
  { name: 'no token', headers: () => ({}) },
  // The tenant's own live token, but not as a bearer token.
  { name: 'malformed Authorization header', headers: (t) => ({ Authorization: `Token ${t.tokens.valid}` }) },
  { name: 'unknown token', headers: () => bearer(`owk_${randomBytes(32).toString('base64url')}`) },
  { name: 'revoked token', headers: (t) => bearer(t.tokens.revoked) },
  { name: 'expired token', headers: (t) => bearer(t.tokens.expired) },
  { name: "another tenant's token", headers: (_t, other) => bearer(other.tokens.valid) },
];

const dummyScimTarget = { userId: 'u', groupId: 'g' } as ScimTarget;

/**
 * The SCIM handler stops failed bearer authentications per address (scimRequest
 * sends each request from an address of its own) and per tenant, past 200 a
 * minute (lib/scim/rate-limit.ts); each target tenant takes this many requests ×
 * CREDENTIALS.length failures, well below that.
 */
const SCIM_REQUESTS_PER_TENANT = 10;

const SCIM_REFUSAL = { status: 401, 'www-authenticate': 'Bearer realm="SCIM"', 'content-type': 'application/scim+json', body: UNAUTHORIZED };

/** Runs `work` on every item, at most `limit` at once. */
async function inParallel<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function problems(label: string, response: HttpResponse, expected: Record<string, unknown>): string[] {
  const actual: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) actual[key] = key === 'body' ? response.json : key === 'status' ? response.status : response.headers[key];
  return JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)} ${response.text.slice(0, 200)}`];
}

/** A SCIM request of the matrix, filled in for one target tenant. */
interface ScimCall {
  method: string;
  path: string;
  body?: object;
}

/** Every request the matrix sends a target: each endpoint's methods on each of its paths, then the unrouted ones. */
function scimCalls(endpoints: Awaited<ReturnType<typeof scimEndpoints>>, t: ScimTarget): ScimCall[] {
  const routed = endpoints.flatMap((endpoint) => {
    const rule = SCIM_ROUTES[endpoint.route];
    return Object.keys(endpoint.methods).flatMap((method) =>
      rule.paths(t).map((path) => ({ method, path, body: rule.bodies?.[method as keyof typeof rule.bodies]?.(t) })),
    );
  });
  return [...routed, ...UNROUTED];
}

test('every SCIM request with a missing, malformed, unknown, revoked, expired or foreign token is refused and changes nothing', async () => {
  test.setTimeout(HEAVY_TEST_MS);
  const endpoints = await scimEndpoints();
  const count = scimCalls(endpoints, dummyScimTarget).length;
  const other = await tenantWithTokens();
  const targets: ScimTarget[] = [];
  await inParallel(Array.from({ length: Math.ceil(count / SCIM_REQUESTS_PER_TENANT) }), SETUP_LANES, async () => {
    targets.push(await scimTarget());
  });
  const db = await fingerprints();
  const failures: string[] = [];
  let cells = 0;
  try {
    // Each target's own token works: the refusals below are the credentials', not a broken tenant's.
    for (const target of targets) expect((await target.scim.get(`/Users/${target.userId}`)).status, `${target.subdomain} answers its own token`).toBe(200);
    await db.settled([...targets.map((t) => t.id), other.id]);
    await inParallel(targets, 4, async (target, index) => {
      const calls = scimCalls(endpoints, target).slice(index * SCIM_REQUESTS_PER_TENANT, (index + 1) * SCIM_REQUESTS_PER_TENANT);
      for (const { method, path, body } of calls) {
        const before = await db.read([target.id, other.id]);
        await Promise.all(
          CREDENTIALS.map(async (credential) => {
            cells++;
            const response = await scimRequest({ subdomain: target.subdomain, method, path, body, headers: credential.headers(target, other) });
            failures.push(...problems(`${method} ${path} with ${credential.name}`, response, SCIM_REFUSAL));
          }),
        );
        const after = await db.read([target.id, other.id]);
        if (after !== before) failures.push(`${method} ${path}: the tenants' rows changed:\n${diff(before, after)}`);
      }
    });
  } finally {
    await db.close();
  }
  console.log(`isolation matrix, SCIM: ${cells} cells`);
  expect(failures).toEqual([]);
  expect(cells).toBe(count * CREDENTIALS.length);
});

function diff(before: string, after: string): string {
  const old = new Set(before.split('\n'));
  return after
    .split('\n')
    .filter((line) => !old.has(line))
    .join('\n');
}

// Pages, route handlers and actions.

function sessionCookie(w: World, who: Intruder | 'admin'): Record<string, string> {
  const token =
    who === 'anonymous' ? null : who === 'otherTenant' ? w.other.sessions.member : who === 'member' ? w.target.sessions.member : w.target.sessions.admin;
  return token ? { Cookie: `orgwiki_session=${token}` } : {};
}

/** The other tenant's own admin or member, on their own host. */
const foreignCaller = (w: World, access: 'member' | 'admin') => ({
  host: hostOf(w.other.subdomain),
  headers: { Cookie: `orgwiki_session=${w.other.sessions[access]}` },
});

function refusalProblems(label: string, response: HttpResponse, refusal: Refusal): string[] {
  switch (refusal.kind) {
    case 'sign-in':
      return problems(label, response, { status: 307, location: '/login' });
    case 'status':
      return problems(label, response, { status: refusal.status });
    case 'action-sign-in':
      // Next answers a fetch action's redirect as 200 with the target for its router.
      return problems(label, response, { status: 200, 'x-action-redirect': '/login;push' });
    case 'action-refused':
      return response.status === 200 && response.text.includes('{"ok":false,"error":')
        ? []
        : [`${label}: expected the action to refuse, got ${response.status} ${response.text.slice(0, 200)}`];
    case 'action-error':
      return response.status === 200 && response.text.includes(JSON.stringify({ error: refusal.error }).slice(1, -1))
        ? []
        : [`${label}: expected the action's refusal "${refusal.error}", got ${response.status} ${response.text.slice(0, 200)}`];
  }
}

/** Pages and route handlers: the right person gets each URL, then everyone the table names is refused. */
async function pageCells(w: World, db: Fingerprints): Promise<{ cells: number; failures: string[] }> {
  const failures: string[] = [];
  let cells = 0;
  const host = hostOf(w.target.subdomain);
  const rows = [
    ...Object.entries(PAGES).map(([key, rule]) => ({ key, method: 'GET', rule })),
    ...Object.entries(HANDLERS).map(([key, rule]) => ({ key, method: key.split(' ')[0], rule })),
  ].flatMap(({ key, method, rule }) => (rule.access === 'public' ? [] : [{ key, method, rule, path: rule.path(w) }]));
  const get = (method: string, path: string, who: Intruder | 'admin') => httpRequest({ port: E2E_PORT, host, method, path, headers: sessionCookie(w, who) });
  // The right person gets the page: each URL names something real, so a refusal below is not a 404 in disguise.
  await inParallel(rows, 3, async ({ key, method, rule, path }) => {
    const allowed = await get(method, path, rule.access);
    if (allowed.status !== rule.allowed)
      failures.push(`${key}: ${rule.access} expected ${rule.allowed}, got ${allowed.status} (is the URL in the table right?)`);
  });
  await inParallel(rows, 3, async ({ key, method, rule, path }) => {
    const before = await db.read([w.target.id, w.other.id]);
    await Promise.all(
      (Object.entries(rule.refused) as [Intruder, Refusal][]).map(async ([who, refusal]) => {
        cells++;
        failures.push(...refusalProblems(`${method} ${path} (${key}) as ${who}`, await get(method, path, who), refusal));
      }),
    );
    if (rule.foreignIds) {
      cells++;
      const response = await httpRequest({ port: E2E_PORT, method, path, ...foreignCaller(w, rule.access) });
      failures.push(...refusalProblems(`${method} ${path} (${key}) by the other tenant's ${rule.access} on their host`, response, rule.foreignIds));
    }
    const after = await db.read([w.target.id, w.other.id]);
    if (after !== before) failures.push(`${key}: the tenants' rows changed:\n${diff(before, after)}`);
  });
  return { cells, failures };
}

/** The same requests from the right person do change the tenant (plain and form arguments, admin and member). */
const CONTROLS: [string, 'admin' | 'member'][] = [
  ['app/tenant/[subdomain]/admin/actions.ts#setRoleAction', 'admin'],
  ['app/tenant/[subdomain]/teams/[id]/actions.ts#saveTeamDescription', 'admin'],
  ['app/tenant/[subdomain]/wiki/actions.ts#createPageAction', 'member'],
];

/** A page the action may be called on (Next refuses it elsewhere), on the site that page is on. */
function actionPage(w: World, built: Map<string, BuiltAction>, key: string, tenantHost: string): { host: string; path: string } {
  const page = built.get(key)!.pages[0];
  const { site, pattern } = urlOf(page);
  const rule = pageRuleOf(page).rule;
  return { host: site === 'apex' ? APEX : tenantHost, path: rule && rule.access !== 'public' ? rule.path(w) : pattern };
}

/** Calls a server action over HTTP as Next's client does; `caller.headers` (cookies, a forged Origin) go last. */
function sendAction(w: World, built: Map<string, BuiltAction>, key: string, args: ActionArgs, caller: { host: string; headers: Record<string, string> }) {
  const { host, path } = actionPage(w, built, key, caller.host);
  const request = encodeAction(built.get(key)!.id, `http://${host}`, args);
  return httpRequest({ port: E2E_PORT, host, method: 'POST', path, headers: { ...request.headers, ...caller.headers }, body: request.body });
}

/** Server actions: everyone the table names is refused, and the tenants do not change. */
async function actionCells(w: World, db: Fingerprints): Promise<{ cells: number; failures: string[] }> {
  const built = builtActions();
  const failures: string[] = [];
  let cells = 0;
  const send = (key: string, args: ActionArgs, caller: { host: string; headers: Record<string, string> }) => sendAction(w, built, key, args, caller);
  const call = (key: string, args: ActionArgs, who: Intruder | 'admin') =>
    send(key, args, { host: hostOf(w.target.subdomain), headers: sessionCookie(w, who) });
  // One action at a time: a change is then the action's that made it.
  for (const [key, rule] of Object.entries(ACTIONS)) {
    if (rule.access === 'public') continue;
    const claimed = rule.claims ? [rule.claims] : [];
    const before = await db.read([w.target.id, w.other.id], claimed);
    await Promise.all(
      (Object.entries(rule.refused) as [Intruder, Refusal][]).map(async ([who, refusal]) => {
        cells++;
        failures.push(...refusalProblems(`${key} as ${who}`, await call(key, rule.args(w), who), refusal));
      }),
    );
    if (rule.foreignIds && rule.access !== 'apex-identity') {
      cells++;
      const response = await send(key, rule.args(w), foreignCaller(w, rule.access));
      failures.push(...refusalProblems(`${key} by the other tenant's ${rule.access} on their host`, response, rule.foreignIds));
    }
    const after = await db.read([w.target.id, w.other.id], claimed);
    if (after !== before) failures.push(`${key}: the tenants' rows changed:\n${diff(before, after)}`);
  }
  // Last, as they change the target: the refusals above were the guards', not those of a request Next could not read.
  for (const [key, as] of CONTROLS) {
    const rule = ACTIONS[key];
    if (rule.access === 'public') throw new Error(`${key} is guarded`);
    const before = await db.read([w.target.id]);
    const response = await call(key, rule.args(w), as);
    if (response.status !== 200 || (await db.read([w.target.id])) === before) {
      failures.push(`${key} as ${as} should change the target tenant; got ${response.status} ${response.text.slice(0, 300)}`);
    }
  }
  return { cells, failures };
}

test('every page, route handler and server action refuses strangers, other tenants and members where admins are needed, and changes nothing', async () => {
  test.setTimeout(HEAVY_TEST_MS);
  const w = await buildWorld();
  const db = await fingerprints();
  try {
    const pages = await pageCells(w, db);
    const actions = await actionCells(w, db);
    console.log(`isolation matrix, pages and route handlers: ${pages.cells} cells; server actions: ${actions.cells} cells`);
    expect([...pages.failures, ...actions.failures]).toEqual([]);
  } finally {
    await db.close();
  }
});

/** Pages of other origins that might get a signed-in browser to send a change here: another site, and another tenant of ours (same site, so SameSite cookies go along). */
const FOREIGN_ORIGINS = (w: World) => ['http://evil.example', `http://${hostOf(w.other.subdomain)}`];

test("CSRF: every server action and every route that changes anything refuses the right person's request sent from another origin, and changes nothing", async () => {
  test.setTimeout(HEAVY_TEST_MS);
  const w = await buildWorld();
  const db = await fingerprints();
  const built = builtActions();
  const failures: string[] = [];
  let cells = 0;
  const refused = (label: string, response: HttpResponse) => {
    cells++;
    if (response.status !== 403 || !/may not change anything/.test(response.text))
      failures.push(`${label}: expected 403, got ${response.status} ${response.text.slice(0, 200)}`);
  };
  try {
    const before = await db.read([w.target.id, w.other.id]);
    const admin = { Cookie: `orgwiki_session=${w.target.sessions.admin}` };
    for (const origin of FOREIGN_ORIGINS(w)) {
      // The admin's own session, on their own tenant's host: only where the request came from is wrong.
      for (const [key, rule] of Object.entries(ACTIONS)) {
        const args = rule.access === 'public' ? { values: [] } : rule.args(w);
        refused(`${key} from ${origin}`, await sendAction(w, built, key, args, { host: hostOf(w.target.subdomain), headers: { ...admin, Origin: origin } }));
      }
      for (const key of Object.keys(HANDLERS).filter((k) => !k.startsWith('GET '))) {
        const [method, site, pattern] = key.split(' ');
        const host = site === 'apex' ? APEX : hostOf(w.target.subdomain);
        const path = pattern.replace('[...nextauth]', 'signout');
        refused(
          `${key} from ${origin}`,
          await httpRequest({
            port: E2E_PORT,
            host,
            method,
            path,
            headers: { ...admin, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: '',
          }),
        );
      }
    }
    // A browser that sends no Origin still names the site in Sec-Fetch-Site.
    refused(
      'POST tenant /logout, same-site',
      await httpRequest({
        port: E2E_PORT,
        host: hostOf(w.target.subdomain),
        method: 'POST',
        path: '/logout',
        headers: { ...admin, 'Sec-Fetch-Site': 'same-site' },
      }),
    );
    const after = await db.read([w.target.id, w.other.id]);
    if (after !== before) failures.push(`the tenants' rows changed:\n${diff(before, after)}`);
    // The same sign-out from the site itself works (its session row goes): the refusals were the origin's.
    const signedIn = await db.read([w.target.id]);
    const own = await httpRequest({
      port: E2E_PORT,
      host: hostOf(w.target.subdomain),
      method: 'POST',
      path: '/logout',
      headers: { ...admin, Origin: `http://${hostOf(w.target.subdomain)}` },
    });
    if (own.status !== 303 || (await db.read([w.target.id])) === signedIn)
      failures.push(`POST /logout from the site itself should sign out; got ${own.status}`);
    console.log(`isolation matrix, cross-origin changes: ${cells} cells`);
    expect(failures).toEqual([]);
  } finally {
    await db.close();
  }
});
