import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabasesLike } from '../../lib/db/server-admin';
import { findPostgresServer } from '../../tests/support/postgres-server';
import { E2E_DATABASE_FILE } from './sites';

// Playwright's webServer: the built app on a database of its own, created
// fresh for this run (or the embedded one, in memory, when no server answers),
// then started exactly as `npm run demo` starts it.

const serverUrl = await findPostgresServer();
const env: NodeJS.ProcessEnv = { ...process.env };
if (serverUrl) {
  // Databases left by earlier runs on this port; other ports' runs may be live.
  const prefix = `orgwiki_e2e_${env.PORT}_`;
  await dropDatabasesLike(serverUrl, prefix);
  env.DATABASE_URL = await createDatabase(serverUrl, `${prefix}${randomBytes(4).toString('hex')}`);
} else {
  delete env.DATABASE_URL;
  env.EMBEDDED_DB_DIR = 'memory://';
  env.EMBEDDED_DB_PORT = String(Number(env.PORT) + 51239);
}
// Specs set up their own tenants with the operator CLI against this database.
mkdirSync('.data', { recursive: true });
writeFileSync(E2E_DATABASE_FILE, env.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${env.EMBEDDED_DB_PORT}/postgres?sslmode=disable`);

const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'lib/cli/serve.ts', 'start', '--demo'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
