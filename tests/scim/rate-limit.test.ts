import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ScimError } from '../../lib/scim/errors';
import { createScimLimiters, type ScimLimiters } from '../../lib/scim/rate-limit';
import { redisAnswers, TEST_REDIS_URL } from '../support/redis-server';

const REDIS = TEST_REDIS_URL;
const withRedis = Boolean(process.env.TEST_REDIS_URL) || (await redisAnswers());
if (!withRedis) console.log(`No Redis at ${REDIS}: the shared-budget case does not run (set TEST_REDIS_URL to require it).`);
const open: ScimLimiters[] = [];
const limiters = (options: Parameters<typeof createScimLimiters>[0]) => {
  const made = createScimLimiters(options);
  open.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

async function spend(limits: ScimLimiters, tenant: string, times: number): Promise<(ScimError | null)[]> {
  const results: (ScimError | null)[] = [];
  for (let i = 0; i < times; i++)
    results.push(
      await limits.limitTenant(tenant).then(
        () => null,
        (e: ScimError) => e,
      ),
    );
  return results;
}

describe('SCIM rate limits', () => {
  it('answer 429 with Retry-After once a tenant spends its budget, and count tenants apart', async () => {
    const limits = limiters({ perSecond: 5 });
    const results = await spend(limits, 'tenant-a', 7);
    expect(results.slice(0, 5)).toEqual([null, null, null, null, null]);
    const refused = results[5]!;
    expect(refused.status).toBe(429);
    expect(Number(refused.toReply().headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(await spend(limits, 'tenant-b', 1)).toEqual([null]);
  });

  it.runIf(withRedis)('share one budget between instances through Redis', async () => {
    const prefix = `test:${randomUUID()}`;
    const first = limiters({ perSecond: 4, redisUrl: REDIS, keyPrefix: prefix });
    const second = limiters({ perSecond: 4, redisUrl: REDIS, keyPrefix: prefix });
    await new Promise((resolve) => setTimeout(resolve, 200)); // let both connect
    const results = [...(await spend(first, 'tenant', 2)), ...(await spend(second, 'tenant', 3))];
    expect(results.map((r) => r?.status ?? 200)).toEqual([200, 200, 200, 200, 429]);
  });

  it('keep limiting, per instance, when Redis cannot be reached', async () => {
    const limits = limiters({ perSecond: 3, redisUrl: 'redis://127.0.0.1:1', keyPrefix: `test:${randomUUID()}` });
    const results = await spend(limits, 'tenant', 4);
    expect(results.map((r) => r?.status ?? 200)).toEqual([200, 200, 200, 429]);
  });

  it('block an address at its 21st failed authentication, whichever tenants they were against', async () => {
    const limits = limiters({ perSecond: 100 });
    for (let i = 0; i < 20; i++) await limits.countFailedAuth(`tenant-${i % 3}`, '203.0.113.9');
    expect(await limits.failedAuthBlock('tenant-9', '203.0.113.9')).toBeNull();
    await limits.countFailedAuth('tenant-9', '203.0.113.9');
    const blocked = await limits.failedAuthBlock('tenant-9', '203.0.113.9');
    expect(blocked?.status).toBe(429);
    // The address's five minutes, not the tenant's one.
    expect(Number(blocked?.toReply().headers['Retry-After'])).toBeGreaterThan(60);
    expect(await limits.failedAuthBlock('tenant-9', '203.0.113.10')).toBeNull();
  });

  it('block a tenant at its 201st failed authentication, whichever addresses they came from', async () => {
    const limits = limiters({ perSecond: 100 });
    for (let i = 0; i < 200; i++) await limits.countFailedAuth('tenant', `198.51.100.${i % 250}`);
    expect(await limits.failedAuthBlock('tenant', '192.0.2.1')).toBeNull();
    await limits.countFailedAuth('tenant', '198.51.100.1');
    const blocked = await limits.failedAuthBlock('tenant', '192.0.2.1');
    expect(blocked?.status).toBe(429);
    expect(Number(blocked?.toReply().headers['Retry-After'])).toBeLessThanOrEqual(60);
    expect(await limits.failedAuthBlock('another-tenant', '192.0.2.1')).toBeNull();
  });
});
