import pg from 'pg';
import { getConfig, requireDatabaseUrl } from '../config';
import { log } from '../log/log';

/**
 * Settings every session starts with, sent when a connection opens. pg_trgm's word
 * similarity threshold says how close a typed word must be to a word of a name
 * for <% (0 to 1): its default, 0.6, misses two swapped letters in a name of
 * seven or eight letters, which score 0.33 to 0.38.
 *
 * Every statement is planned for its values and the table as it is now,
 * never from a plan cached earlier: a plan made while a tenant's table was
 * nearly empty (the first minutes of Entra's first cycle) scanned every row
 * for each lookup by userName once it held thousands, and slowed the cycle
 * fourfold at 20,000 users (the Entra simulator found it).
 */
const SESSION_SETTINGS: readonly [string, string][] = [
  ['pg_trgm.word_similarity_threshold', '0.3'],
  ['plan_cache_mode', 'force_custom_plan'],
];

// The one PostgreSQL connection pool of the process. Prisma runs on it (through
// its pg adapter) and so does tenantSql(), so the two never hold more
// connections between them than DATABASE_POOL_SIZE.

const globalForPool = globalThis as unknown as { orgwikiPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!globalForPool.orgwikiPool) {
    globalForPool.orgwikiPool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: getConfig().DATABASE_POOL_SIZE,
      // A request must fail fast while the database is away rather than hang.
      connectionTimeoutMillis: 5_000,
      options: `-c ${SESSION_SETTINGS.map(([name, value]) => `${name}=${value}`).join(' -c ')}`,
    });
    // An idle connection dropped by the server (a restart, a failover) is an
    // 'error' event on the pool, which would end the process unheard. The pool
    // has already discarded the connection; the next query opens a new one.
    // Only message and code: pg hangs the whole client, connection settings
    // included, on the error.
    globalForPool.orgwikiPool.on('error', (error: Error & { code?: string }) =>
      log.warn({ err: { message: error.message, code: error.code } }, 'database: an idle connection was lost'),
    );
  }
  return globalForPool.orgwikiPool;
}

export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection: the pool is too small, or the database too slow. */
  waiting: number;
}

/** How the pool is used right now; zeros before the first query opens it. */
export function poolStats(): PoolStats {
  const pool = globalForPool.orgwikiPool;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}

export async function closePool(): Promise<void> {
  const pool = globalForPool.orgwikiPool;
  globalForPool.orgwikiPool = undefined;
  await pool?.end();
}
