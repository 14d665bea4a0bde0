import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { E2E_PORT } from '../../playwright.config';
import { SCIM_BASE_PATH } from '../../lib/tenancy/routing';
import { TOKEN_PREFIX } from '../../lib/tokens/token-secret';
import { redisAnswers, TEST_REDIS_URL } from '../../tests/support/redis-server';
import { httpRequest } from '../support/http';
import { createOwnDatabase, startOwnServer, type OwnDatabase, type OwnServer } from '../support/own-server';
import { randomClientAddress as address } from '../support/scim-client';
import { expect, test } from '../support/scim-fixtures';

// Issue 15: strangers' wrong tokens must never get a tenant's valid token
// refused. Entra calls from Microsoft's shared addresses, so anyone can aim a
// job with a wrong token at a victim's Tenant URL from the address the
// victim's own job uses; and after a deploy, a restart or a rotation, the
// token Entra presents is one the instance has not seen. Two production
// instances on one database, with the failed-token limits counted in each
// instance's memory (no Redis, as issue 15 saw it) and in a shared Redis;
// tokens minted by the operator CLI, a process of its own that tells no
// instance about them.

const run = promisify(execFile);
const guess = () => TOKEN_PREFIX + randomBytes(32).toString('base64url');
const withRedis = (await redisAnswers()) || Boolean(process.env.CI);

interface Instance {
  server: OwnServer;
  port: number;
}

for (const redis of [false, true]) {
  test.describe(redis ? 'with the limits counted in Redis' : 'with the limits counted in each instance', () => {
    test.describe.configure({ mode: 'serial' });
    test.skip(redis && !withRedis, `needs Redis at ${TEST_REDIS_URL}`);

    const ports = redis ? [E2E_PORT + 16, E2E_PORT + 17] : [E2E_PORT + 14, E2E_PORT + 15];
    const env = { TRUSTED_PROXY_HOPS: '1', ...(redis ? { REDIS_URL: TEST_REDIS_URL } : {}) };
    let db: OwnDatabase | null = null;
    const instances: Instance[] = [];
    let subdomain = '';
    let entra = '';

    const orgwiki = async (...args: string[]) =>
      (
        await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/cli/orgwiki.ts', ...args], {
          env: { ...process.env, DATABASE_URL: db!.url, DATABASE_POOL_SIZE: '2' },
          encoding: 'utf8',
        })
      ).stdout;
    /** A token minted by the CLI, as an admin rotating Entra's token would; no instance has seen it. */
    const mint = async (name: string) => /Secret Token: (\S+)/.exec(await orgwiki('token:create', '--subdomain', subdomain, '--name', name))![1];
    const start = async (port: number): Promise<Instance> => ({ server: await startOwnServer(port, db!.url, env), port });
    const status = (instance: Instance, token: string, from: string) =>
      httpRequest({
        port: instance.port,
        host: `${subdomain}.localhost:${instance.port}`,
        path: `${SCIM_BASE_PATH}/Users?count=1`,
        headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': from },
      }).then((response) => response.status);
    const onEach = (check: (instance: Instance) => Promise<number>) => Promise.all(instances.map(check));

    /** Issue 15's spread-out storm on one instance: 13 addresses, 18 wrong tokens each, 234 in all. */
    async function spreadStorm(instance: Instance): Promise<number[]> {
      const from = Array.from({ length: 13 }, address);
      const statuses: number[] = [];
      for (let round = 0; round < 18; round++) statuses.push(...(await Promise.all(from.map((a) => status(instance, guess(), a)))));
      return statuses;
    }

    /** Wrong tokens from one address until it is refused unread. */
    async function addressStorm(instance: Instance, from: string): Promise<number[]> {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push(await status(instance, guess(), from));
      return statuses;
    }

    test.beforeAll(async () => {
      test.setTimeout(180_000);
      db = await createOwnDatabase(ports[0]);
      subdomain = `avail-${randomBytes(4).toString('hex')}`;
      await orgwiki('tenant:create', '--subdomain', subdomain, '--name', 'Availability');
      entra = await mint('entra');
      // One after the other: starting Next takes most of two busy cores.
      for (const port of ports) instances.push(await start(port));
      // Entra has been provisioning through both instances.
      expect(await onEach((i) => status(i, entra, address()))).toEqual([200, 200]);
    });

    test.afterAll(async () => {
      for (const { server } of instances) server.signal('SIGKILL');
      await Promise.all(instances.map(({ server }) => server.exited));
      await db?.drop();
    });

    test('234 wrong tokens from 13 addresses on each instance: a token minted meanwhile works at once, from any address', async () => {
      test.setTimeout(120_000);
      const rotated = await mint('rotated');
      const storms = await Promise.all(instances.map(spreadStorm));
      for (const statuses of storms) {
        expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
        // The storm reached the tenant's failure limit, so what follows happens while the tenant is blocked.
        expect(statuses.at(-1)).toBe(429);
      }
      expect(await onEach((i) => status(i, guess(), address()))).toEqual([429, 429]);
      expect(await onEach((i) => status(i, rotated, address()))).toEqual([200, 200]);
      expect(await onEach((i) => status(i, entra, address()))).toEqual([200, 200]);
    });

    test('an address that failed 21 times is refused guesses, never the valid tokens it sends', async () => {
      const shared = address();
      const storms = await Promise.all(instances.map((i) => addressStorm(i, shared)));
      for (const statuses of storms) {
        expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
        expect(statuses.at(-1)).toBe(429);
      }
      expect(await onEach((i) => status(i, entra, shared))).toEqual([200, 200]);
      const rotated = await mint('rotated again');
      expect(await onEach((i) => status(i, rotated, shared))).toEqual([200, 200]);
      expect(await onEach((i) => status(i, guess(), shared))).toEqual([429, 429]);
    });

    test('right after a restart, during a storm, a token minted before it and never used is served', async () => {
      test.setTimeout(120_000);
      const unused = await mint('never used before the restart');
      const [restarted] = instances;
      restarted.server.signal('SIGTERM');
      await restarted.server.exited;
      instances[0] = await start(restarted.port);
      const shared = address();
      await Promise.all([spreadStorm(instances[0]), addressStorm(instances[0], shared)]);
      const stillStorming = spreadStorm(instances[0]);
      expect(await status(instances[0], unused, shared)).toBe(200);
      expect(await status(instances[0], unused, address())).toBe(200);
      expect(await status(instances[1], unused, shared)).toBe(200);
      await stillStorming;
    });
  });
}
