import { describe, expect, it } from 'vitest';
import { deleteScimUser, tenantSql } from '../../lib/db';
import { scimChangeLog } from '../../lib/scim/log-change';
import type { ScimContext } from '../../lib/scim/scim-context';
import { ENTERPRISE } from '../../lib/scim/users/user-attributes';
import { createUser } from '../../lib/scim/users/user-service';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

// A manager deleted while a report naming them is written: the write's lookup
// saw the manager, its foreign key check then waits for the delete and fails.
// The write is run again and keeps the reference unresolved (docs/scim.md),
// rather than refusing the user.

async function scimContext(): Promise<ScimContext> {
  const tenant = await createTenant({ subdomain: 'acme', displayName: 'Acme' });
  return {
    tenant,
    sql: tenantSql(tenant.id),
    request: { method: 'POST', url: new URL('http://scim.internal/Users'), header: () => null, body: null, aborted: () => false },
    baseUrl: 'http://acme.localhost/api/v2/scim/v2',
    params: {},
    actor: { actorId: 'test', actorLabel: 'test', ip: null },
    logged: false,
    target: null,
  } as unknown as ScimContext;
}

describe('a manager deleted while their report is written', () => {
  it('leaves the report created, with the reference kept unresolved', async () => {
    const ctx = await scimContext();
    const boss = (await createUser(ctx, { userName: 'boss@acme.test' })).id as string;
    let report: Promise<Record<string, unknown>> | undefined;
    await ctx.sql.transaction(async (tx) => {
      await deleteScimUser(tx, boss, scimChangeLog(ctx, 'scim.user.delete', { type: 'User', id: boss }, {}));
      report = createUser({ ...ctx }, { userName: 'report@acme.test', [ENTERPRISE]: { manager: boss } });
      // Long enough for the report's statement to reach the manager row the delete holds.
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    const created = await report!;
    expect(created[ENTERPRISE]).toEqual({ manager: { value: boss } });
  });
});
