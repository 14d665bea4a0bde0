import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../../lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../support/database';

const opened: TestDatabase[] = [];
async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrated: false });
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.drop()));
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'orgwiki-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('migrate', () => {
  it('applies every migration once and records it as Prisma Migrate does', async () => {
    const db = await emptyDatabase();
    const first = await migrate(db.url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));

    const rows = await query(db.url, 'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations"');
    const init = readMigrations()[0];
    expect(rows[0]).toMatchObject({
      migration_name: init.name,
      checksum: createHash('sha256').update(init.sql).digest('hex'),
      applied_steps_count: 1,
      rolled_back_at: null,
    });
    expect(rows[0].finished_at).toBeInstanceOf(Date);

    const second = await migrate(db.url);
    expect(second).toMatchObject({ applied: [], alreadyApplied: readMigrations().length });
  });

  it('lets only one of two instances starting together apply the migrations', async () => {
    const db = await emptyDatabase();
    const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, readMigrations().length]);
    const rows = await query(db.url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(rows[0].n).toBe(readMigrations().length);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(db.url, { dir });
    const [init] = readMigrations(dir);
    appendFileSync(path.join(dir, init.name, 'migration.sql'), '\n-- an innocent-looking edit\n');
    await expect(migrate(db.url, { dir })).rejects.toThrow(/was modified after it was applied/);
  });

  it('leaves nothing behind when a migration fails', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, '29990101000000_broken'));
    writeFileSync(
      path.join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n',
    );
    await expect(migrate(db.url, { dir })).rejects.toThrow(/29990101000000_broken failed/);
    const tables = await query(db.url, `SELECT to_regclass('"Half"')::text AS half, to_regclass('"User"')::text AS users`);
    expect(tables[0]).toEqual({ half: null, users: '"User"' });
    const names = (await query(db.url, 'SELECT migration_name FROM "_prisma_migrations"')).map((r) => r.migration_name);
    expect(names).toEqual(readMigrations().map((m) => m.name));
  });

  it('refuses a database that has a migration this checkout does not know', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, '29990101000000_newer'));
    writeFileSync(path.join(dir, '29990101000000_newer', 'migration.sql'), 'SELECT 1;\n');
    await migrate(db.url, { dir });
    await expect(migrate(db.url)).rejects.toThrow(/29990101000000_newer is applied to the database but missing/);
  });

  it('refuses a migration that manages its own transaction, before running any of it', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, '29990101000000_own_tx'));
    writeFileSync(path.join(dir, '29990101000000_own_tx', 'migration.sql'), 'BEGIN;\nCREATE TABLE "Early" ("id" INTEGER);\nCOMMIT;\n');
    await expect(migrate(db.url, { dir })).rejects.toThrow(/controls transactions itself/);
    const tables = await query(db.url, `SELECT to_regclass('"Early"')::text AS early`);
    expect(tables[0].early).toBeNull();
  });

  it('tells a function body’s BEGIN from a transaction’s', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, '29990101000000_function'));
    const sql = 'CREATE FUNCTION "answer"() RETURNS integer LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN 42;\nEND\n$body$;\n';
    writeFileSync(path.join(dir, '29990101000000_function', 'migration.sql'), sql);
    await migrate(db.url, { dir });
    expect(await query(db.url, 'SELECT "answer"() AS answer')).toEqual([{ answer: 42 }]);
  });
});
