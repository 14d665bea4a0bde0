import { describe, expect, it } from 'vitest';
import { deleteScimUser, findScimUser, tenantDb, updateScimUser, type TenantSql } from '../../lib/db';
import { etag } from '../../lib/scim/http';
import { provisioningLogEntry } from '../../lib/scim/provisioning-log-entry';
import { readPatchRequest } from '../../lib/scim/patch/patch-request';
import type { ScimContext } from '../../lib/scim/scim-context';
import { ENTERPRISE } from '../../lib/scim/users/user-attributes';
import * as users from '../../lib/scim/users/user-service';
import { getUser, patchedUserColumns } from '../../lib/scim/users/user-service';
import { withTestDatabase } from '../support/database';
import { scimContext } from '../support/scim-context';

withTestDatabase();

// A PATCH starts from the row this process last read or wrote, without
// reading it again (lib/scim/users/recent-users.ts). Here another instance
// changes the row behind this process's back: it writes through the store
// directly, as that instance's own service would, so this process's copy is stale.

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const patch = (...operations: object[]) => ({ schemas: [PATCH_OP], Operations: operations });

// The resources the services return (their provisioning-log entries are not under test here).
const createUser = async (ctx: ScimContext, body: Record<string, unknown>) => (await users.createUser(ctx, body)).resource;
const patchUser = async (ctx: ScimContext, id: string, body: Record<string, unknown>) => (await users.patchUser(ctx, id, body)).resource;

/** What another instance does for the same PATCH: read, apply, write if unchanged. */
async function patchElsewhere(ctx: ScimContext, id: string, ...operations: object[]): Promise<void> {
  const current = await findScimUser(ctx.sql, id);
  const columns = patchedUserColumns(current!, readPatchRequest(patch(...operations)), ctx.baseUrl);
  const log = provisioningLogEntry(ctx, 'scim.user.patch', { type: 'User', id }, {});
  expect(await updateScimUser(ctx.sql, id, current!.version, columns, log)).not.toBeNull();
}

/** The context, and how many statements its requests have sent so far. */
async function counted(subdomain: string, headers?: Record<string, string>): Promise<{ ctx: ScimContext; statements: () => number }> {
  let statements = 0;
  const ctx = await scimContext(subdomain, {
    headers,
    sql: (sql): TenantSql => ({ ...sql, rows: (...args: Parameters<TenantSql['rows']>) => (statements++, sql.rows(...args)) }),
  });
  return { ctx, statements: () => statements };
}

describe('a PATCH from the row this process last saw', () => {
  it('is one statement after a read or a write of the user', async () => {
    const { ctx, statements } = await counted('one-statement');
    const { id } = (await createUser(ctx, { userName: 'ada@acme.test', title: 'Engineer' })) as { id: string };
    const before = statements();
    expect((await patchUser(ctx, id, patch({ op: 'replace', path: 'title', value: 'Lead' }))).title).toBe('Lead');
    expect(statements() - before).toBe(1);
    await getUser(ctx, id);
    const read = statements();
    expect((await patchUser(ctx, id, patch({ op: 'replace', path: 'title', value: 'Principal' }))).title).toBe('Principal');
    expect(statements() - read).toBe(1);
  });

  it('keeps what another instance changed meanwhile, and logs it as the value before', async () => {
    const { ctx } = await counted('changed-elsewhere');
    const { id } = (await createUser(ctx, { userName: 'ada@acme.test', title: 'Engineer', displayName: 'Ada' })) as { id: string };
    await patchElsewhere(ctx, id, { op: 'replace', path: 'displayName', value: 'Ada Lovelace' });
    const patched = await patchUser(ctx, id, patch({ op: 'replace', path: 'title', value: 'Lead' }));
    expect(patched).toMatchObject({ displayName: 'Ada Lovelace', title: 'Lead', meta: { version: etag(3) } });
    const [logged] = await tenantDb(ctx.tenant.id).auditEvent.findMany({
      where: { action: 'scim.user.patch', targetId: id },
      orderBy: { at: 'desc' },
      take: 1,
    });
    expect(logged.details).toEqual({ title: '"Engineer" → "Lead"' });
  });

  it('honours an If-Match of the current version, which this process has not seen', async () => {
    const setup = await counted('if-match');
    const { id } = (await createUser(setup.ctx, { userName: 'ada@acme.test', title: 'Engineer' })) as { id: string };
    await patchElsewhere(setup.ctx, id, { op: 'replace', path: 'title', value: 'Lead' });
    const current = { ...setup.ctx, request: { ...setup.ctx.request, header: (name: string) => (name === 'if-match' ? etag(2) : null) } };
    expect((await patchUser(current, id, patch({ op: 'replace', path: 'title', value: 'Principal' }))).title).toBe('Principal');
    const stale = { ...setup.ctx, request: { ...setup.ctx.request, header: (name: string) => (name === 'if-match' ? etag(2) : null) } };
    await expect(patchUser(stale, id, patch({ op: 'replace', path: 'title', value: 'Fellow' }))).rejects.toMatchObject({ status: 412 });
  });

  it('applies a filter to the values as they are now, not as this process saw them', async () => {
    const { ctx } = await counted('filter');
    const { id } = (await createUser(ctx, { userName: 'ada@acme.test', emails: [{ type: 'work', value: 'ada@acme.test', primary: true }] })) as { id: string };
    await patchElsewhere(ctx, id, { op: 'add', path: 'emails', value: [{ type: 'home', value: 'ada@home.test' }] });
    const patched = await patchUser(ctx, id, patch({ op: 'replace', path: 'emails[type eq "home"].value', value: 'ada@elsewhere.test' }));
    expect(patched.emails).toEqual([
      { type: 'work', value: 'ada@acme.test', primary: true },
      { type: 'home', value: 'ada@elsewhere.test' },
    ]);
  });

  it('answers 404 for a user another instance deleted', async () => {
    const { ctx } = await counted('deleted');
    const { id } = (await createUser(ctx, { userName: 'ada@acme.test' })) as { id: string };
    await ctx.sql.transaction((tx) => deleteScimUser(tx, id, provisioningLogEntry(ctx, 'scim.user.delete', { type: 'User', id }, {})));
    await expect(patchUser(ctx, id, patch({ op: 'replace', path: 'title', value: 'Lead' }))).rejects.toMatchObject({ status: 404 });
  });

  it('does not bring back a manager whose deletion cleared the reference', async () => {
    const { ctx } = await counted('manager-deleted');
    const boss = (await createUser(ctx, { userName: 'boss@acme.test' })).id as string;
    const { id } = (await createUser(ctx, { userName: 'ada@acme.test', [ENTERPRISE]: { manager: boss } })) as { id: string };
    await ctx.sql.transaction((tx) => deleteScimUser(tx, boss, provisioningLogEntry(ctx, 'scim.user.delete', { type: 'User', id: boss }, {})));
    const patched = await patchUser(ctx, id, patch({ op: 'replace', path: 'title', value: 'Lead' }));
    expect(patched[ENTERPRISE]).toBeUndefined();
    expect(patched.title).toBe('Lead');
  });
});
