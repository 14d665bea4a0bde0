import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '../config';
import { ScimError } from './errors';

// Per-tenant request limits (rate-limiter-flexible). Counted in Redis when
// REDIS_URL is set, so every app instance shares one budget; in memory
// otherwise, and in memory as well whenever Redis is unreachable, so a Redis
// outage degrades the limit to per-instance instead of failing requests.

interface Limiters {
  requests: RateLimiterAbstract;
  failedAuth: RateLimiterAbstract;
}

const globalForLimits = globalThis as unknown as { orgwikiScimLimiters?: Limiters };

function build(): Limiters {
  const { REDIS_URL, SCIM_RATE_LIMIT_PER_SECOND } = getConfig();
  const requests = { points: SCIM_RATE_LIMIT_PER_SECOND, duration: 1 };
  // Guessing tokens is pointless at 20 failures a minute per address and tenant.
  const failedAuth = { points: 20, duration: 60, blockDuration: 60 };
  if (!REDIS_URL) {
    return { requests: new RateLimiterMemory(requests), failedAuth: new RateLimiterMemory(failedAuth) };
  }
  const redis = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  redis.on('error', () => {}); // the insurance limiter takes over; ioredis reconnects by itself
  const make = (options: { points: number; duration: number; blockDuration?: number }, keyPrefix: string) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix, ...options, insuranceLimiter: new RateLimiterMemory(options) });
  return { requests: make(requests, 'orgwiki:scim:req'), failedAuth: make(failedAuth, 'orgwiki:scim:auth') };
}

function limiters(): Limiters {
  return (globalForLimits.orgwikiScimLimiters ??= build());
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

/** Counts one request against the tenant's budget; throws 429 when it is spent. */
export function limitTenantRequests(tenantId: string): Promise<void> {
  return consume(limiters().requests, tenantId);
}

/** Throws 429 while this address is blocked for failed authentications to this tenant. */
export async function checkFailedAuthBlock(tenantId: string, ip: string): Promise<void> {
  const result = await limiters().failedAuth.get(`${tenantId}:${ip}`);
  if (result && result.consumedPoints > 20) throw tooMany(result);
}

export function countFailedAuth(tenantId: string, ip: string): Promise<void> {
  return consume(limiters().failedAuth, `${tenantId}:${ip}`).catch((error: unknown) => {
    if (!(error instanceof ScimError)) throw error;
  });
}
