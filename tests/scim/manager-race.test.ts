import { describe, expect, it } from 'vitest';
import { deleteScimUser } from '../../lib/db';
import { provisioningLogEntry } from '../../lib/scim/provisioning-log-entry';
import { ENTERPRISE } from '../../lib/scim/users/user-attributes';
import { createUser } from '../../lib/scim/users/user-service';
import { withTestDatabase } from '../support/database';
import { scimContext } from '../support/scim-context';

withTestDatabase();

// A manager deleted while a report naming them is written: the write's lookup
// saw the manager, its foreign key check then waits for the delete and fails.
// The write is run again and keeps the reference unresolved (docs/scim.md),
// rather than refusing the user.

describe('a manager deleted while their report is written', () => {
  it('leaves the report created, with the reference kept unresolved', async () => {
    const ctx = await scimContext();
    const boss = (await createUser(ctx, { userName: 'boss@acme.test' })).resource.id as string;
    let report: Promise<Record<string, unknown>> | undefined;
    await ctx.sql.transaction(async (tx) => {
      await deleteScimUser(tx, boss, provisioningLogEntry(ctx, 'scim.user.delete', { type: 'User', id: boss }, {}));
      report = createUser({ ...ctx }, { userName: 'report@acme.test', [ENTERPRISE]: { manager: boss } }).then((written) => written.resource);
      // Long enough for the report's statement to reach the manager row the delete holds.
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    const created = await report!;
    expect(created[ENTERPRISE]).toEqual({ manager: { value: boss } });
  });
});
