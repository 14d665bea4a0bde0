import { parseArgs } from 'node:util';
import { AppError } from '../errors';
import { disconnectDb, platformDb } from '../db';
import { createTenant, listTenants } from '../tenancy/create-tenant';
import { siteOrigin } from '../tenancy/host';
import { SCIM_BASE_PATH } from '../tenancy/routing';
import { createServiceAccountToken } from '../tokens/create-service-account-token';
import { getConfig } from '../config';
import { openDatabase } from './database';

// The operator CLI: `npm run orgwiki -- <command> [--flags]`.

const USAGE = `Usage: npm run orgwiki -- <command> [options]

  tenant:create --subdomain <s> --name <company>   create a tenant
  tenant:list                                      list tenants
  token:create --subdomain <s> --name <name>       mint a SCIM token (printed once)
               [--account <service account>]       default: "Microsoft Entra provisioning"`;

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { subdomain: { type: 'string' }, name: { type: 'string' }, account: { type: 'string' } },
});

function required(flag: 'subdomain' | 'name'): string {
  const value = values[flag];
  if (!value) throw new AppError('invalid_input', `--${flag} is required.\n\n${USAGE}`);
  return value;
}

async function run(): Promise<void> {
  const root = getConfig().ROOT_DOMAIN;
  switch (command) {
    case 'tenant:create': {
      const tenant = await createTenant({ subdomain: required('subdomain'), displayName: required('name') });
      console.log(`Created ${tenant.displayName} at ${siteOrigin(root, tenant.subdomain)} (id ${tenant.id})`);
      return;
    }
    case 'tenant:list': {
      for (const t of await listTenants()) console.log(`${t.subdomain}\t${t.displayName}\t${t.id}\t${t.createdAt.toISOString()}`);
      return;
    }
    case 'token:create': {
      const subdomain = required('subdomain');
      const tenant = await platformDb.tenant.findUnique({ where: { subdomain } });
      if (!tenant) throw new AppError('not_found', `No tenant has the subdomain "${subdomain}".`);
      const { token } = await createServiceAccountToken(
        tenant.id,
        { serviceAccountName: values.account ?? 'Microsoft Entra provisioning', tokenName: required('name') },
        { type: 'system', label: 'orgwiki CLI' },
      );
      console.log(`Tenant URL:   ${siteOrigin(root, subdomain)}${SCIM_BASE_PATH}/`);
      console.log(`Secret Token: ${token}`);
      console.log('The token is shown only this once; only its hash is stored.');
      return;
    }
    default:
      throw new AppError('invalid_input', command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  }
}

const db = await openDatabase(() => {});
try {
  await run();
} catch (error) {
  process.exitCode = error instanceof AppError ? 2 : 1;
  console.error(error instanceof AppError ? error.message : error);
} finally {
  await disconnectDb();
  await db.stop();
}
