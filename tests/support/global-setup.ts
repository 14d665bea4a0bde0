import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migrate, readMigrations } from '../../lib/db/migrate';
import { localhostCertificate } from '../../tools/dev-idp/certificate';
import { createDatabase, dropDatabase, dropDatabasesLike } from '../../lib/db/server-admin';
import { findPostgresServer, onEmbeddedDatabase, stopEmbeddedServer, TEST_DATABASE_PREFIX } from './postgres-server';

/** `prefix` names this run's databases, so that runs from other checkouts can go on beside it. */
export interface TestDatabaseServer {
  serverUrl: string;
  template: string;
  prefix: string;
}

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
  const embedded = await onEmbeddedDatabase();
  const serverUrl = await findPostgresServer();
  const digest = createHash('sha256')
    .update(
      readMigrations()
        .map((m) => m.checksum)
        .join(),
    )
    .digest('hex')
    .slice(0, 12);
  const template = `orgwiki_test_tpl_${digest}`;
  // Two test runs starting together must not both build the template.
  const lock = new pg.Client({ connectionString: serverUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(90210)');
    const exists = await lock.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await migrate(await createDatabase(serverUrl, template)).catch(async (error: unknown) => {
        await dropDatabase(serverUrl, template);
        throw error;
      });
    }
  } finally {
    await lock.end();
  }
  const which = embedded ? 'the embedded PostgreSQL' : 'PostgreSQL';
  console.log(`Tests run on ${which} at ${new URL(serverUrl).host} (one database per test file, from ${template}).`);
  const prefix = `${TEST_DATABASE_PREFIX}${randomBytes(3).toString('hex')}_`;
  project.provide('testDatabaseServer', { serverUrl, template, prefix });
  // A certificate for identity providers the tests start over https, trusted
  // by every test process as the demo's server trusts its provider's
  // (NODE_EXTRA_CA_CERTS, read at start: the test processes start after this).
  const tlsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgwiki-test-tls-'));
  const tls = await localhostCertificate();
  fs.writeFileSync(path.join(tlsDir, 'key.pem'), tls.key);
  fs.writeFileSync(path.join(tlsDir, 'cert.pem'), tls.cert);
  process.env.NODE_EXTRA_CA_CERTS = path.join(tlsDir, 'cert.pem');
  process.env.TEST_TLS_DIR = tlsDir;

  return async () => {
    // Files drop their own databases; this catches those of a file that crashed.
    await dropDatabasesLike(serverUrl, prefix);
    await stopEmbeddedServer();
    fs.rmSync(tlsDir, { recursive: true, force: true });
  };
}
