import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabasesLike } from '../../lib/db/server-admin';
import { embeddedDatabaseUrl, THROWAWAY_DATA_DIR } from '../../lib/db/embedded/start';
import { findPostgresServer, onEmbeddedDatabase } from '../../tests/support/postgres-server';
import { lineRecorder, openSharedLog, sharedLogDir } from './shared-server-log';
import { E2E_DATABASE_FILE } from './sites';

// Playwright's webServer: the built app on a database of its own, created
// fresh for this run on the PostgreSQL server (or, on the embedded database,
// the launcher's own embedded PostgreSQL with throwaway data), then started
// exactly as `npm run demo` starts it. Its output is passed on
// and recorded line by line in .data/e2e-<port>/server.log, where the tests
// look for errors nobody expected (test.ts, server-log-teardown.ts).

const env: NodeJS.ProcessEnv = { ...process.env };
if (await onEmbeddedDatabase()) {
  delete env.DATABASE_URL;
  env.EMBEDDED_DB_DIR = THROWAWAY_DATA_DIR;
  env.EMBEDDED_DB_PORT = String(Number(env.PORT) + 51239);
} else {
  const serverUrl = await findPostgresServer();
  // Databases left by earlier runs on this port; other ports' runs may be live.
  const prefix = `orgwiki_e2e_${env.PORT}_`;
  await dropDatabasesLike(serverUrl, prefix);
  env.DATABASE_URL = await createDatabase(serverUrl, `${prefix}${randomBytes(4).toString('hex')}`);
}
// Specs set up their own tenants with the operator CLI against this database.
mkdirSync('.data', { recursive: true });
writeFileSync(E2E_DATABASE_FILE, env.DATABASE_URL ?? embeddedDatabaseUrl(`127.0.0.1:${env.EMBEDDED_DB_PORT}`));

const log = openSharedLog(sharedLogDir(Number(env.PORT)));
// The identity provider's accounts start afresh with the database they go with.
const idpAccounts = path.join(sharedLogDir(Number(env.PORT)), 'dev-idp-accounts.json');
rmSync(idpAccounts, { force: true });
const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tools/cli/serve.ts', 'start', '--demo', '--idp-accounts', idpAccounts], {
  stdio: ['inherit', 'pipe', 'pipe'],
  env,
});
for (const [from, to, stream] of [
  [child.stdout, process.stdout, 'out'],
  [child.stderr, process.stderr, 'err'],
] as const) {
  const record = lineRecorder(log, stream);
  from.setEncoding('utf8').on('data', (chunk: string) => {
    to.write(chunk);
    record(chunk);
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
// On 'close', once the output is all recorded.
child.on('close', (code) => process.exit(code ?? 1));
