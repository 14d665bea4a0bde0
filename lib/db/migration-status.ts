import type pg from 'pg';
import { readMigrations } from './migrate';
import { pgPool } from './pool';

// Whether the running database has every migration this build ships: a new
// instance must not take traffic on an older schema (lib/ops/readiness.ts).

const UNDEFINED_TABLE = '42P01';

let shipped: string[] | null = null;

/**
 * The migrations in prisma/migrations that the database has not recorded as
 * applied (see migrate.ts), all of them when it has no record yet. The query
 * gives up after `timeoutMs` so that a hung database does not hold a connection.
 */
export async function unappliedMigrations(timeoutMs: number): Promise<string[]> {
  // The files do not change under a running build.
  shipped ??= readMigrations().map((m) => m.name);
  let applied: Set<string>;
  try {
    // pg honours query_timeout per query (and drops the connection); its types know it only as a pool setting.
    const query: pg.QueryConfig & { query_timeout: number } = {
      text: 'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      query_timeout: timeoutMs,
    };
    const { rows } = await pgPool().query<{ migration_name: string }>(query);
    applied = new Set(rows.map((row) => row.migration_name));
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return shipped;
    throw error;
  }
  return shipped.filter((name) => !applied.has(name));
}
