import { createHash } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { migrate, readMigrations } from '../../lib/db/migrate';
import { adminQuery, findPostgresServer, withDatabase } from './postgres-server';

export type TestDatabaseServer = { kind: 'server'; serverUrl: string; template: string } | { kind: 'embedded' };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseServer: TestDatabaseServer;
  }
}

/**
 * Once per run: find the server, build a migrated template database (named by
 * the migrations' checksums, so it is rebuilt exactly when they change), and
 * tell each test file where to clone its own database from.
 */
export default async function setup(project: TestProject) {
  const serverUrl = await findPostgresServer();
  if (!serverUrl) {
    console.log('Tests run on the embedded database (PGlite): no PostgreSQL server answered.');
    project.provide('testDatabaseServer', { kind: 'embedded' });
    return;
  }
  const digest = createHash('sha256').update(readMigrations().map((m) => m.checksum).join()).digest('hex').slice(0, 12);
  const template = `orgwiki_test_tpl_${digest}`;
  const lockKey = 90210;
  await adminQuery(serverUrl, 'SELECT pg_advisory_lock($1)', [lockKey]);
  try {
    const exists = await adminQuery(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
      await migrate(withDatabase(serverUrl, template));
    }
  } finally {
    await adminQuery(serverUrl, 'SELECT pg_advisory_unlock($1)', [lockKey]);
  }
  console.log(`Tests run on PostgreSQL at ${new URL(serverUrl).host} (one database per test file, from ${template}).`);
  project.provide('testDatabaseServer', { kind: 'server', serverUrl, template });

  return async () => {
    // Files drop their own databases; this catches those of a file that crashed.
    const leftovers = await adminQuery(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'orgwiki_t\\_%'");
    for (const row of leftovers.rows) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  };
}
