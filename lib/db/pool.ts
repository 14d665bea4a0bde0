import pg from 'pg';
import { getConfig, requireDatabaseUrl } from '../config';

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
    });
  }
  return globalForPool.orgwikiPool;
}

export async function closePool(): Promise<void> {
  const pool = globalForPool.orgwikiPool;
  globalForPool.orgwikiPool = undefined;
  await pool?.end();
}
