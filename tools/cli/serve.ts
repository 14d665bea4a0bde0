import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getConfig } from '../../lib/config';
import { disconnectDb } from '../../lib/db';
import { seedTenant } from '../seed/seed-tenant';
import { siteOrigin } from '../../lib/tenancy/host';
import { scimTenantUrl } from '../../lib/tenancy/routing';
import { localCertificate } from '../dev-idp/certificate';
import { launchDevIdp } from '../dev-idp/launch';
import { launchMailCatcher } from '../dev-mail/launch';
import { DEMO_DIRECTORY_ID } from '../seed/demo-directory';
import { openDatabase } from './database';
import { demoAuthSecret } from './demo-auth-secret';

const DATA_DIR = '.data';

// `npm run demo` / `npm run dev` / `npm start`: opens (and migrates) the
// database, the embedded one when DATABASE_URL is unset, optionally seeds the
// demo tenant, then runs the HTTP server (lib/server/main.ts: Next.js and
// SCIM) with DATABASE_URL pointing at it.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  // --idp-accounts: where the local identity provider keeps its accounts (a test server's own, thrown away with its database).
  options: { demo: { type: 'boolean', default: false }, port: { type: 'string' }, 'idp-accounts': { type: 'string' } },
});
const mode = positionals[0] === 'dev' ? 'dev' : 'start';
const root = getConfig().ROOT_DOMAIN;
const port = values.port ?? process.env.PORT ?? root.split(':')[1] ?? '3000';

const db = await openDatabase({ migrate: true });
if (values.demo) {
  try {
    const seeded = await seedTenant({ subdomain: 'acme', displayName: 'Acme Corporation', size: 200, withContent: true, entraTenantId: DEMO_DIRECTORY_ID });
    console.log(seeded.created ? `Seeded the demo tenant acme with ${seeded.people} people.` : 'Demo tenant acme is ready.');
  } catch (error) {
    console.error(`Could not seed the demo tenant: ${(error as Error).message}`);
    await db.stop();
    process.exit(1);
  }
}
// The demo's stand-ins share one certificate, which the server trusts.
const local = values.demo && (!process.env.AUTH_MICROSOFT_ENTRA_ID_ID || !process.env.SMTP_URL) ? await localCertificate(DATA_DIR) : null;
// The demo signs in against the local identity provider unless Microsoft is configured.
const idp = local && !process.env.AUTH_MICROSOFT_ENTRA_ID_ID ? await launchDevIdp(root, Number(port), DATA_DIR, values['idp-accounts'], local) : null;
// And sends its mail to a local mail server whose inbox it prints, unless SMTP is configured.
const mail = local && !process.env.SMTP_URL ? await launchMailCatcher(root, Number(port), local) : null;
// Acme's directory admin consented to the app's Graph permissions, so the demo shows people's photos.
idp?.idp.accounts.grantConsent(DEMO_DIRECTORY_ID);
// Otherwise close this process's pool: the server opens its own.
if (!idp) await disconnectDb();

const server = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'server', 'main.ts'), '--port', port, ...(mode === 'dev' ? ['--dev'] : [])], {
  stdio: 'inherit',
  env: {
    ...process.env,
    ...idp?.env,
    ...mail?.env,
    ...(local ? { NODE_EXTRA_CA_CERTS: local.caFile } : {}),
    AUTH_SECRET: process.env.AUTH_SECRET ?? (values.demo ? demoAuthSecret(DATA_DIR) : undefined),
    NEXT_TELEMETRY_DISABLED: '1',
  },
});

console.log(`
TheOrgWiki (${mode}, ${db.embedded ? 'embedded database' : 'PostgreSQL at DATABASE_URL'})
  Landing page and sign-up:  ${siteOrigin(root)}/
  Demo tenant (acme):        ${siteOrigin(root, 'acme')}/
  SCIM Tenant URL for acme:  ${scimTenantUrl(root, 'acme')}
  SCIM tokens:               npm run orgwiki -- token:create --subdomain acme --name entra${
    mail?.mail.inboxUrl
      ? `
  Mail the app sends:        ${mail.mail.inboxUrl} (alerts to Acme's admins; nothing leaves this machine)`
      : ''
  }${
    idp
      ? `
  Sign in:                   press Login and pick a person on the local identity provider's page
                             (${idp.idp.issuerTemplate.replace('/{tid}/v2.0', '')}, standing in for Microsoft): an Acme
                             employee enters acme; someone from Contoso can sign up a new company.`
      : ''
  }
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
  void Promise.all([idp?.idp.close(), mail?.mail.close(), disconnectDb()])
    .then(() => db.stop())
    .then(() => process.exit(exitCode ?? code ?? (signal ? 128 + (SIGNALS[signal as keyof typeof SIGNALS] ?? 1) : 1)));
});
