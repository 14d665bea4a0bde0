import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getConfig } from '../config';
import { disconnectDb } from '../db';
import { seedTenant } from '../seed/seed-tenant';
import { siteOrigin } from '../tenancy/host';
import { SCIM_BASE_PATH } from '../tenancy/routing';
import { openDatabase } from './database';

// `npm run demo` / `npm run dev` / `npm start`: opens (and migrates) the
// database, the embedded one when DATABASE_URL is unset, optionally seeds the
// demo tenant, then runs the HTTP server (lib/server/main.ts: Next.js and
// SCIM) with DATABASE_URL pointing at it.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { demo: { type: 'boolean', default: false }, port: { type: 'string' } },
});
const mode = positionals[0] === 'dev' ? 'dev' : 'start';
const root = getConfig().ROOT_DOMAIN;
const port = values.port ?? process.env.PORT ?? root.split(':')[1] ?? '3000';

const db = await openDatabase({ migrate: true });
if (values.demo) {
  try {
    const seeded = await seedTenant({ subdomain: 'acme', displayName: 'Acme Corporation', size: 200, withContent: true });
    console.log(seeded.created ? `Seeded the demo tenant acme with ${seeded.people} people.` : 'Demo tenant acme is ready.');
  } catch (error) {
    console.error(`Could not seed the demo tenant: ${(error as Error).message}`);
    await db.stop();
    process.exit(1);
  }
}
// Close this process's pool: the server opens its own (one connection on the embedded database).
await disconnectDb();

const server = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'server', 'main.ts'), '--port', port, ...(mode === 'dev' ? ['--dev'] : [])], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});

console.log(`
TheOrgWiki (${mode}, ${db.embedded ? 'embedded database' : 'PostgreSQL at DATABASE_URL'})
  Landing page and sign-up:  ${siteOrigin(root)}/
  Demo tenant (acme):        ${siteOrigin(root, 'acme')}/
  SCIM Tenant URL for acme:  ${siteOrigin(root, 'acme')}${SCIM_BASE_PATH}/
  SCIM tokens:               npm run orgwiki -- token:create --subdomain acme --name entra
`);

// Stop in order: the server first, then the database it uses. Exit as the
// server did, or 128 + the signal's number when we were told to stop.
const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
let exitCode: number | null = null;
for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) {
  process.on(signal, () => {
    exitCode ??= 128 + SIGNALS[signal];
    server.kill(signal);
  });
}
server.on('error', (error) => {
  console.error(`Could not start the server: ${error.message}`);
  void db.stop().then(() => process.exit(1));
});
server.on('exit', (code, signal) => {
  void db.stop().then(() => process.exit(exitCode ?? code ?? (signal ? 128 + (SIGNALS[signal as keyof typeof SIGNALS] ?? 1) : 1)));
});
