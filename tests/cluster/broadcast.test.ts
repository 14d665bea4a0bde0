import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBroadcast, listen, publish } from '../../lib/ops/broadcast';
import { redisAnswers, TEST_REDIS_URL } from '../support/redis-server';

// The broadcast inside one process; tests/… cannot run two app instances, so
// e2e/cluster/cluster.spec.ts checks that a revocation reaches every instance.

const REDIS = TEST_REDIS_URL;
const withRedis = Boolean(process.env.TEST_REDIS_URL) || (await redisAnswers());
if (!withRedis) console.log(`No Redis at ${REDIS}: the broadcast cases do not run (set TEST_REDIS_URL to require them).`);

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
};

afterAll(() => closeBroadcast());

describe('broadcast', () => {
  it('without REDIS_URL, hears nothing and sends nothing, and never fails', async () => {
    delete process.env.REDIS_URL;
    const messages: (string | null)[] = [];
    listen(`test:${randomUUID()}`, (message) => messages.push(message));
    await publish('test:nobody', 'x');
    expect(messages).toEqual([]);
    closeBroadcast();
  });

  it.runIf(withRedis)('first tells its listener to forget everything, then hands it every message', async () => {
    process.env.REDIS_URL = REDIS;
    const channel = `test:${randomUUID()}`;
    const messages: (string | null)[] = [];
    listen(channel, (message) => messages.push(message));
    await until(() => messages.length === 1); // subscribed
    await publish(channel, 'tenant-a');
    await publish(channel, 'tenant-b');
    await until(() => messages.length === 3);
    expect(messages).toEqual([null, 'tenant-a', 'tenant-b']);
    closeBroadcast();
  });

  it.runIf(withRedis)('tells its listeners to forget everything again after losing the connection', async () => {
    process.env.REDIS_URL = REDIS;
    const channel = `test:${randomUUID()}`;
    const messages: (string | null)[] = [];
    listen(channel, (message) => messages.push(message));
    await until(() => messages.length === 1);
    // Drop this process's subscriber connection from the server's side, as a Redis restart would.
    const admin = new Redis(REDIS);
    const clients = (await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
    const mine = clients.split('\n').find((line) => line.includes(`name=orgwiki-broadcast-${process.pid} `));
    expect(mine).toBeDefined();
    await admin.client('KILL', 'ID', /\bid=(\d+)/.exec(mine!)![1]);
    admin.disconnect();
    await until(() => messages.length === 2);
    await publish(channel, 'after');
    await until(() => messages.length === 3);
    expect(messages).toEqual([null, null, 'after']);
    closeBroadcast();
  });
});
