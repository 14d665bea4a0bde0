import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// Applies prisma/migrations/<name>/migration.sql in name order and records them
// in Prisma's own `_prisma_migrations` table (same columns, same sha256 checksum),
// so that `prisma migrate deploy` agrees with this runner wherever the Prisma
// schema engine is available. We need our own runner because the engine binary
// cannot be downloaded on every machine that runs the product.

/** Prisma Migrate's advisory lock key: this runner and Prisma exclude each other. */
const MIGRATION_LOCK_KEY = 72707369;
const LOCK_WAIT_MS = 120_000;
const TRANSACTION_CONTROL = /^\s*(?:BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION)\b|\bCONCURRENTLY\b/im;
/** Dollar-quoted bodies ($$ … $$, $fn$ … $fn$): a function's BEGIN is not a transaction. */
const DOLLAR_QUOTED = /\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g;

export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
  durationMs: number;
}

class MigrationError extends Error {}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/** Refuses to go on when history and files disagree: that needs a person, not a guess. */
function pendingMigrations(local: Migration[], applied: AppliedRow[]): Migration[] {
  const byName = new Map(local.map((m) => [m.name, m]));
  const done = new Set<string>();
  for (const row of applied) {
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(`Migration ${row.migration_name} is applied to the database but missing from ${MIGRATIONS_DIR}.`);
    }
    if (!row.finished_at) {
      throw new MigrationError(`Migration ${row.migration_name} started but never finished; repair the database before migrating.`);
    }
    if (row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). Add a new migration instead of editing an applied one.`,
      );
    }
    done.add(row.migration_name);
  }
  return local.filter((m) => !done.has(m.name));
}

/** Waits for the migration lock, saying so, and gives up after LOCK_WAIT_MS rather than hang a start. */
async function acquireLock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let waiting = false; ; waiting = true) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_KEY]);
    if (rows[0].locked) return;
    if (Date.now() > deadline) throw new MigrationError(`Another process has held the migration lock for ${LOCK_WAIT_MS / 1000} s; giving up.`);
    if (!waiting) log('waiting for another process to finish migrating');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function migrate(connectionString: string, options: { dir?: string; log?: (line: string) => void } = {}): Promise<MigrateResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const local = readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Two app instances (or the demo and the operator CLI) starting together:
    // the second waits here, then finds nothing to do.
    await acquireLock(client, log);
    await client.query(CREATE_TABLE);
    const applied: string[] = [];
    for (;;) {
      // One transaction per migration: a failing one leaves no trace, not half a schema.
      await client.query('BEGIN');
      let migration: Migration | undefined;
      try {
        const { rows } = await client.query<AppliedRow>(
          'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at',
        );
        migration = pendingMigrations(local, rows)[0];
        if (!migration) {
          await client.query('COMMIT');
          break;
        }
        if (TRANSACTION_CONTROL.test(migration.sql.replace(DOLLAR_QUOTED, ''))) {
          throw new MigrationError(
            `Migration ${migration.name} controls transactions itself (BEGIN/COMMIT or CONCURRENTLY); each migration already runs in one transaction, so split it instead.`,
          );
        }
        log(`applying ${migration.name}`);
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if (error instanceof MigrationError) throw error;
        throw new MigrationError(`Migration ${migration?.name ?? '(history check)'} failed: ${(error as Error).message}`);
      }
    }
    return { applied, alreadyApplied: local.length - applied.length, durationMs: performance.now() - started };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
