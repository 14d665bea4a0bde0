import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { updateSettings } from '../../lib/admin/settings';
import { admit } from '../../lib/auth/admission';
import { issueSignInTicket, newBinding, redeemSignInTicket, SESSION_COOKIE } from '../../lib/auth/tenant-session';
import { disconnectDb, platformDb, type Tenant } from '../../lib/db';
import { setRole } from '../../lib/admin/members';
import type { Cluster } from '../../tools/cluster/start-cluster';
import { call, CLUSTER_PORT, clusterUnavailable, createClusterDatabase, startTestCluster, type ClusterDatabase, type Reply } from '../support/cluster-site';
import { expect, test } from '../support/test';

// Two instances of the production build behind nginx, on one PostgreSQL
// database and one Redis: nothing about a tenant, a token or a session may
// live in one instance only. Each check hits each instance's own port right
// after a change made through the other, or through nginx.

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SCIM = '/api/v2/scim/v2';
const RATE_LIMIT = 20;

const unavailable = await clusterUnavailable();
// CI installs nginx and runs PostgreSQL and Redis (.ci/run): there the spec must run.
test.skip(!!unavailable && !process.env.CI, `The cluster cannot run here: ${unavailable}`);
// One cluster for the file, its tests in order in one worker.
test.describe.configure({ mode: 'default' });

interface ClusterTenant {
  row: Tenant;
  host: string;
  token: string;
  tid: string;
}

let database: ClusterDatabase;
let cluster: Cluster;
/** One tenant per test, made while the cluster starts (the CLI takes seconds to start). */
let tenants: Record<'budget' | 'revocation' | 'sessions' | 'policy', ClusterTenant>;

/** A tenant bound to a directory of its own, with a SCIM token, both made with the operator CLI. */
async function newTenant(): Promise<ClusterTenant> {
  const subdomain = `cluster-${randomBytes(4).toString('hex')}`;
  const tid = randomUUID();
  await database.orgwiki('tenant:create', '--subdomain', subdomain, '--name', `Cluster ${subdomain}`, '--directory', tid);
  const token = /Secret Token: (\S+)/.exec(await database.orgwiki('token:create', '--subdomain', subdomain, '--name', 'entra'))![1];
  return { row: (await platformDb.findTenantBySubdomain(subdomain))!, host: `${subdomain}.localhost:${CLUSTER_PORT}`, token, tid };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (unavailable) throw new Error(`The cluster cannot run here: ${unavailable}`);
  database = await createClusterDatabase();
  // The spec signs people in with the domain functions, on the cluster's database.
  process.env.DATABASE_URL = database.url;
  const [started, budget, revocation, sessions, policy] = await Promise.all([
    startTestCluster(database, { SCIM_RATE_LIMIT_PER_SECOND: String(RATE_LIMIT) }),
    newTenant(),
    newTenant(),
    newTenant(),
    newTenant(),
  ]);
  cluster = started;
  tenants = { budget, revocation, sessions, policy };
});

test.afterAll(async () => {
  await disconnectDb();
  await cluster?.stop();
  await database?.drop();
});

const scim = (port: number, tenant: ClusterTenant, method: string, path: string, body?: unknown) =>
  call(port, tenant.host, method, SCIM + path, { headers: { Authorization: `Bearer ${tenant.token}` }, body });

const instances = () => cluster.instancePorts;
const upstream = (reply: Reply) => reply.headers['x-upstream'];

async function provision(tenant: ClusterTenant, userName: string): Promise<string> {
  const created = await scim(cluster.port, tenant, 'POST', '/Users', { schemas: [CORE], userName, displayName: userName.split('@')[0], active: true });
  expect(created.status).toBe(201);
  return JSON.parse(created.text).id;
}

/** A session of `userId`, made as the apex and the tenant's host make one at sign-in; answers the cookie's value. */
async function sessionOf(tenant: ClusterTenant, userId: string): Promise<string> {
  const binding = newBinding();
  const ticket = await issueSignInTicket(tenant.row.id, userId, binding);
  return (await redeemSignInTicket(tenant.row.id, ticket, binding))!.token;
}

/** The status of the search API on one instance for a session: 200 signed in, 401 not. */
const searchStatus = (port: number, tenant: ClusterTenant, session: string) =>
  call(port, tenant.host, 'GET', '/api/search?q=a', { headers: { Cookie: `${SESSION_COOKIE}=${session}` } }).then((r) => r.status);

/** Every instance's answer to `check`, in instance order. */
const onEveryInstance = <T>(check: (port: number) => Promise<T>) => Promise.all(instances().map(check));

/** Opens `path` of the tenant's site in the browser as a freshly provisioned admin. */
async function openAsAdmin(page: Page, tenant: ClusterTenant, path: string): Promise<void> {
  const adminId = await provision(tenant, 'boss@cluster.example');
  await setRole(tenant.row.id, { type: 'system', label: 'cluster spec' }, adminId, 'admin');
  await page.context().addCookies([{ name: SESSION_COOKIE, value: await sessionOf(tenant, adminId), url: `http://${tenant.host}` }]);
  await page.goto(`http://${tenant.host}${path}`);
}

/** Resolves with the reply to the next server action the page posts (an Admin Console change). */
const nextAction = (page: Page) => page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']);

test('nginx spreads requests over both instances', async () => {
  const replies = await Promise.all(Array.from({ length: 8 }, () => call(cluster.port, cluster.rootDomain, 'GET', '/')));
  expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
  expect(new Set(replies.map(upstream))).toEqual(new Set(instances().map((port) => `127.0.0.1:${port}`)));
});

test('a tenant has one SCIM budget across instances (Redis), not one per instance', async () => {
  const tenant = tenants.budget;
  // Sixty at once, thirty to each instance: one shared budget lets 20 through, one per instance 40.
  // The limit counts per second from the first request, so the burst proves it only if it ends
  // within that second; a slower one is sent again once the window has passed. First each instance
  // opens its database connections, so that the burst measures the limit rather than start-up.
  await onEveryInstance((port) => Promise.all(Array.from({ length: 10 }, () => scim(port, tenant, 'GET', '/Users?count=1'))));
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: 60 }, () => scim(cluster.port, tenant, 'GET', '/Users?count=1')));
    const elapsed = performance.now() - started;
    if (elapsed >= 950 && attempt < 3) {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      continue;
    }
    expect(elapsed, 'the burst took longer than the one-second window three times').toBeLessThan(950);
    const refused = replies.filter((r) => r.status === 429);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(RATE_LIMIT);
    expect(refused).toHaveLength(60 - RATE_LIMIT);
    expect(refused.every((r) => Number(r.headers['retry-after']) >= 1)).toBe(true);
    expect(new Set(refused.map(upstream))).toEqual(new Set(instances().map((port) => `127.0.0.1:${port}`)));
    return;
  }
});

test('a token revoked in the Admin Console is refused by every instance on its next request', async ({ page }) => {
  const tenant = tenants.revocation;
  await openAsAdmin(page, tenant, '/admin/settings/service-accounts');
  await page.getByRole('button', { name: 'Manage tokens of Microsoft Entra provisioning' }).click();
  const manage = page.getByRole('dialog', { name: 'Manage Tokens for SCIM provisioning' });
  await manage.getByRole('listitem', { name: 'Token entra' }).getByRole('button', { name: 'Revoke' }).click();

  // Both instances now hold the tenant's token hashes (for a second, lib/tokens/tenant-tokens.ts).
  expect(await onEveryInstance((port) => scim(port, tenant, 'GET', '/Users?count=1').then((r) => r.status))).toEqual([200, 200]);
  const action = nextAction(page);
  await manage.getByRole('button', { name: 'Revoke token' }).click();
  const via = (await action).headers()['x-upstream'];
  expect(await onEveryInstance((port) => scim(port, tenant, 'GET', '/Users?count=1').then((r) => r.status)), `revoked through ${via}`).toEqual([401, 401]);
});

test('a session ended by signing out, or by Entra deactivating the person, is refused by every instance', async () => {
  const tenant = tenants.sessions;
  const alice = await sessionOf(tenant, await provision(tenant, 'alice@cluster.example'));
  const bobId = await provision(tenant, 'bob@cluster.example');
  const bob = await sessionOf(tenant, bobId);
  expect(await onEveryInstance((port) => searchStatus(port, tenant, alice))).toEqual([200, 200]);
  expect(await onEveryInstance((port) => searchStatus(port, tenant, bob))).toEqual([200, 200]);

  // Alice signs out on the first instance.
  const out = await call(instances()[0], tenant.host, 'POST', '/logout', {
    headers: { Cookie: `${SESSION_COOKIE}=${alice}`, 'Sec-Fetch-Site': 'same-origin' },
  });
  expect(out.status).toBe(303);
  expect(await onEveryInstance((port) => searchStatus(port, tenant, alice))).toEqual([401, 401]);

  // Entra deactivates Bob, through nginx.
  const patched = await scim(cluster.port, tenant, 'PATCH', `/Users/${bobId}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: 'replace', path: 'active', value: false }],
  });
  expect(patched.status).toBe(200);
  expect(await onEveryInstance((port) => searchStatus(port, tenant, bob))).toEqual([401, 401]);
});

test("tightening the sign-in policy on one instance ends a walk-in's session on every instance", async ({ page }) => {
  const tenant = tenants.policy;
  // Before any instance has seen the tenant: anyone of the directory may enter.
  const open = await updateSettings(tenant.row, { type: 'system', label: 'cluster spec' }, { displayName: tenant.row.displayName, signInPolicy: 'directory' });
  const admission = await admit(open, {
    tid: tenant.tid,
    oid: randomUUID(),
    userName: 'walk-in@cluster.example',
    email: null,
    emailVerified: false,
    directoryRoles: [],
    name: 'Walk In',
  });
  expect(admission.admitted).toBe(true);
  const walkIn = await sessionOf(tenant, admission.admitted ? admission.user.id : '');
  await openAsAdmin(page, tenant, '/admin/settings');

  // Both instances now hold the tenant, with its open policy, for up to 30 s (lib/tenancy/tenant-lookup.ts).
  expect(await onEveryInstance((port) => searchStatus(port, tenant, walkIn))).toEqual([200, 200]);
  await page.getByRole('radio', { name: 'Only people Microsoft Entra ID provisions' }).check();
  const action = nextAction(page);
  await page.getByRole('button', { name: 'Save settings' }).click();
  const via = (await action).headers()['x-upstream'];
  expect(await onEveryInstance((port) => searchStatus(port, tenant, walkIn)), `tightened through ${via}`).toEqual([401, 401]);
});
