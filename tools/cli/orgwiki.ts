import { parseArgs } from 'node:util';
import { AppError } from '../../lib/errors';
import { setRole } from '../../lib/admin/members';
import { disconnectDb, platformDb, tenantDb } from '../../lib/db';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { siteOrigin } from '../../lib/tenancy/host';
import { scimTenantUrl } from '../../lib/tenancy/routing';
import { createServiceAccountToken } from '../../lib/tokens/create-service-account-token';
import { getConfig } from '../../lib/config';
import { openDatabase } from './database';

// The operator CLI: `npm run orgwiki -- <command> [--flags]`.

const USAGE = `Usage: npm run orgwiki -- <command> [options]

  tenant:create --subdomain <s> --name <company>   create a tenant
               [--directory <tid>]                 bound to this Microsoft Entra directory id
  tenant:list                                      list tenants
  token:create --subdomain <s> --name <name>       mint a SCIM token (printed once)
               [--account <service account>]       default: "Microsoft Entra provisioning"
  member:role --subdomain <s> --user <userName> --role admin|member
                                                   e.g. give a tenant back an admin`;

const COMMANDS = ['tenant:create', 'tenant:list', 'token:create', 'member:role'] as const;
type Command = (typeof COMMANDS)[number];
type Flags = { subdomain?: string; name?: string; account?: string; directory?: string; user?: string; role?: string };

/** Reads the command line, or throws an AppError that shows the usage. */
function parseCommandLine(argv: string[]): { command: Command; flags: Flags } {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as Command)) {
    throw new AppError('invalid_input', command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  }
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        subdomain: { type: 'string' },
        name: { type: 'string' },
        account: { type: 'string' },
        directory: { type: 'string' },
        user: { type: 'string' },
        role: { type: 'string' },
      },
    });
    return { command: command as Command, flags: values };
  } catch (error) {
    throw new AppError('invalid_input', `${(error as Error).message}\n\n${USAGE}`);
  }
}

function required(flags: Flags, flag: 'subdomain' | 'name' | 'user' | 'role'): string {
  const value = flags[flag];
  if (!value) throw new AppError('invalid_input', `--${flag} is required.\n\n${USAGE}`);
  return value;
}

async function run(command: Command, flags: Flags): Promise<void> {
  const root = getConfig().ROOT_DOMAIN;
  switch (command) {
    case 'tenant:create': {
      const tenant = await createTenant({
        subdomain: required(flags, 'subdomain'),
        displayName: required(flags, 'name'),
        entraTenantId: flags.directory?.toLowerCase(),
      });
      console.log(`Created ${tenant.displayName} at ${siteOrigin(root, tenant.subdomain)} (id ${tenant.id})`);
      return;
    }
    case 'tenant:list': {
      for (const t of await platformDb.listTenants()) console.log(`${t.subdomain}\t${t.displayName}\t${t.id}\t${t.createdAt.toISOString()}`);
      return;
    }
    case 'token:create': {
      const subdomain = required(flags, 'subdomain');
      const tenant = await platformDb.findTenantBySubdomain(subdomain);
      if (!tenant) throw new AppError('not_found', `No tenant has the subdomain "${subdomain}".`);
      const { token } = await createServiceAccountToken(
        tenant.id,
        { serviceAccountName: flags.account ?? 'Microsoft Entra provisioning', tokenName: required(flags, 'name') },
        { type: 'system', label: 'orgwiki CLI' },
      );
      console.log(`Tenant URL:   ${scimTenantUrl(root, subdomain)}`);
      console.log(`Secret Token: ${token}`);
      console.log('The token is shown only this once; only its hash is stored.');
      return;
    }
    case 'member:role': {
      const subdomain = required(flags, 'subdomain');
      const tenant = await platformDb.findTenantBySubdomain(subdomain);
      if (!tenant) throw new AppError('not_found', `No tenant has the subdomain "${subdomain}".`);
      const userName = required(flags, 'user');
      const user = await tenantDb(tenant.id).user.findFirst({ where: { userName } });
      if (!user) throw new AppError('not_found', `No one in ${subdomain} has the user name "${userName}".`);
      await setRole(tenant.id, { type: 'system', label: 'orgwiki CLI' }, user.id, required(flags, 'role'));
      console.log(`${user.userName} is now ${flags.role} of ${subdomain}.`);
      return;
    }
  }
}

async function main(): Promise<void> {
  const { command, flags } = parseCommandLine(process.argv.slice(2));
  const db = await openDatabase({ migrate: false, log: () => {} });
  try {
    await run(command, flags);
  } finally {
    await disconnectDb();
    await db.stop();
  }
}

// Exit 2 for a mistake the operator can fix (with the reason), 1 for anything else.
await main().catch((error: unknown) => {
  process.exitCode = error instanceof AppError ? 2 : 1;
  console.error(error instanceof AppError ? error.message : error);
});
