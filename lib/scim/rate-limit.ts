import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '../config';
import { ScimError } from './errors';

// Per-tenant request limits (rate-limiter-flexible). Counted in Redis when
// REDIS_URL is set, so every app instance shares one budget; in memory
// otherwise, and in memory as well whenever Redis is unreachable, so a Redis
// outage degrades the limit to per-instance instead of failing requests.

/** Guessing tokens is pointless at 20 failures a minute per address and tenant. */
const FAILED_AUTH = { points: 20, duration: 60, blockDuration: 60 };

export interface ScimLimiters {
  /** Counts one request against the tenant's budget; throws 429 when it is spent. */
  limitTenant(tenantId: string): Promise<void>;
  /** Throws 429 while this address is blocked for failed authentications to this tenant. */
  checkFailedAuthBlock(tenantId: string, ip: string): Promise<void>;
  countFailedAuth(tenantId: string, ip: string): Promise<void>;
  close(): Promise<void>;
}

function tooMany(result: RateLimiterRes): ScimError {
  const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return new ScimError(429, `Too many requests; retry after ${seconds} s.`, undefined, { 'Retry-After': String(seconds) });
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(error);
    throw error;
  }
}

export function createScimLimiters(options: { perSecond: number; redisUrl?: string; keyPrefix?: string }): ScimLimiters {
  const requestsOptions = { points: options.perSecond, duration: 1 };
  let requests: RateLimiterAbstract = new RateLimiterMemory(requestsOptions);
  let failedAuth: RateLimiterAbstract = new RateLimiterMemory(FAILED_AUTH);
  let redis: Redis | null = null;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => {}); // the insurance limiter takes over; ioredis reconnects by itself
    const prefix = options.keyPrefix ?? 'orgwiki:scim';
    const make = (limits: typeof requestsOptions & { blockDuration?: number }, name: string) =>
      new RateLimiterRedis({ storeClient: redis!, keyPrefix: `${prefix}:${name}`, ...limits, insuranceLimiter: new RateLimiterMemory(limits) });
    requests = make(requestsOptions, 'req');
    failedAuth = make(FAILED_AUTH, 'auth');
  }
  return {
    limitTenant: (tenantId) => consume(requests, tenantId),
    async checkFailedAuthBlock(tenantId, ip) {
      const result = await failedAuth.get(`${tenantId}:${ip}`);
      if (result && result.consumedPoints > FAILED_AUTH.points) throw tooMany(result);
    },
    countFailedAuth: (tenantId, ip) =>
      consume(failedAuth, `${tenantId}:${ip}`).catch((error: unknown) => {
        if (!(error instanceof ScimError)) throw error;
      }),
    async close() {
      redis?.disconnect();
    },
  };
}

const globalForLimits = globalThis as unknown as { orgwikiScimLimiters?: ScimLimiters };

/** The process's limiters, from configuration. */
export function scimLimiters(): ScimLimiters {
  if (!globalForLimits.orgwikiScimLimiters) {
    const { REDIS_URL, SCIM_RATE_LIMIT_PER_SECOND } = getConfig();
    globalForLimits.orgwikiScimLimiters = createScimLimiters({ perSecond: SCIM_RATE_LIMIT_PER_SECOND, redisUrl: REDIS_URL });
  }
  return globalForLimits.orgwikiScimLimiters;
}

/** Closes the process's limiters (its Redis connection) at shutdown, if a request ever opened them. */
export async function closeScimLimiters(): Promise<void> {
  const limiters = globalForLimits.orgwikiScimLimiters;
  globalForLimits.orgwikiScimLimiters = undefined;
  await limiters?.close();
}
