import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '../config';
import { ScimError } from './errors';

// Per-tenant request limits (rate-limiter-flexible). Counted in Redis when
// REDIS_URL is set, so every app instance shares one budget; in memory
// otherwise, and in memory as well whenever Redis is unreachable, so a Redis
// outage degrades the limit to per-instance instead of failing requests.

/**
 * Failed bearer authentications, counted once a token is known to be wrong
 * (lib/scim/handle-request.ts checks it first, so a valid token never meets
 * these). Per address, across tenants: one client guessing is refused at its
 * 21st failure in a minute, for five minutes. Per tenant, across addresses: a
 * spread-out guesser is refused too, for a minute. With 256-bit tokens either
 * limit makes guessing hopeless; the 429 and Retry-After tell a misconfigured
 * client to slow down.
 */
const FAILED_AUTH_PER_ADDRESS = { points: 20, duration: 60, blockDuration: 300 };
const FAILED_AUTH_PER_TENANT = { points: 200, duration: 60, blockDuration: 60 };

export interface ScimLimiters {
  /** Counts one request against the tenant's budget; throws 429 when it is spent. */
  limitTenant(tenantId: string): Promise<void>;
  /** The SCIM 429 for a wrong token when too many failed from this address, or against this tenant; else null. */
  failedAuthBlock(tenantId: string, address: string): Promise<ScimError | null>;
  countFailedAuth(tenantId: string, address: string): Promise<void>;
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

/** A memory limiter, or a Redis one that falls back to memory while Redis is unreachable. */
type MakeLimiter = (limits: { points: number; duration: number; blockDuration?: number }, name: string) => RateLimiterAbstract;

/** Blocked once a failure past `points` is counted, for the limit's blockDuration. */
function blockOf(result: RateLimiterRes | null, points: number): RateLimiterRes | null {
  return result && result.consumedPoints > points ? result : null;
}

export function createScimLimiters(options: { perSecond: number; redisUrl?: string; keyPrefix?: string }): ScimLimiters {
  let make: MakeLimiter = (limits) => new RateLimiterMemory(limits);
  let redis: Redis | null = null;
  if (options.redisUrl) {
    const client = (redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }));
    client.on('error', () => {}); // the insurance limiter takes over; ioredis reconnects by itself
    const prefix = options.keyPrefix ?? 'orgwiki:scim';
    make = (limits, name) =>
      new RateLimiterRedis({ storeClient: client, keyPrefix: `${prefix}:${name}`, ...limits, insuranceLimiter: new RateLimiterMemory(limits) });
  }
  const requests = make({ points: options.perSecond, duration: 1 }, 'req');
  const byAddress = make(FAILED_AUTH_PER_ADDRESS, 'auth-address');
  const byTenant = make(FAILED_AUTH_PER_TENANT, 'auth-tenant');
  return {
    limitTenant: (tenantId) => consume(requests, tenantId),
    async failedAuthBlock(tenantId, address) {
      const [fromAddress, ofTenant] = await Promise.all([byAddress.get(address), byTenant.get(tenantId)]);
      const block = blockOf(fromAddress, FAILED_AUTH_PER_ADDRESS.points) ?? blockOf(ofTenant, FAILED_AUTH_PER_TENANT.points);
      return block ? tooMany(block) : null;
    },
    async countFailedAuth(tenantId, address) {
      // Spent budgets are what failedAuthBlock reports; here they are no error.
      const count = (limiter: RateLimiterAbstract, key: string) =>
        limiter.consume(key).catch((error: unknown) => {
          if (!(error instanceof RateLimiterRes)) throw error;
        });
      await Promise.all([count(byAddress, address), count(byTenant, tenantId)]);
    },
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
