import { beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, tenantSql, type Tenant } from '../../lib/db';
import { TenantScopeError } from '../../lib/db/tenant-db';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

let acme: Tenant;
let globex: Tenant;

const SELECT_USERS = `SELECT "userName" FROM "User" WHERE "tenantId" = $1 ORDER BY "userName"`;

beforeAll(async () => {
  acme = await createTenant({ subdomain: 'acme', displayName: 'Acme' });
  globex = await createTenant({ subdomain: 'globex', displayName: 'Globex' });
  await tenantDb(acme.id).user.create({ data: { tenantId: acme.id, userName: 'pat@acme.example' } });
  await tenantDb(globex.id).user.create({ data: { tenantId: globex.id, userName: 'kim@globex.example' } });
});

describe('tenantSql', () => {
  it('binds the tenant as $1, so one statement text serves every tenant', async () => {
    expect(await tenantSql(acme.id).rows(SELECT_USERS)).toEqual([{ userName: 'pat@acme.example' }]);
    expect(await tenantSql(globex.id).rows(SELECT_USERS)).toEqual([{ userName: 'kim@globex.example' }]);
  });

  it('refuses a statement that does not use the tenant id', async () => {
    await expect(tenantSql(acme.id).rows(`SELECT "userName" FROM "User"`)).rejects.toBeInstanceOf(TenantScopeError);
    // $10 is not $1.
    await expect(tenantSql(acme.id).rows(`SELECT "userName" FROM "User" WHERE "userName" <> $10`)).rejects.toBeInstanceOf(TenantScopeError);
  });

  it('refuses a missing or malformed tenant id', () => {
    expect(() => tenantSql('')).toThrow(TenantScopeError);
    expect(() => tenantSql('acme')).toThrow(TenantScopeError);
    expect(() => tenantSql(undefined as unknown as string)).toThrow(TenantScopeError);
  });

  it('rolls a transaction back when its work throws, and joins an outer one when nested', async () => {
    const sql = tenantSql(acme.id);
    const insert = `INSERT INTO "Group" ("id", "tenantId", "displayName", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now())`;
    const count = async () => (await sql.rows<{ n: number }>(`SELECT count(*)::int AS n FROM "Group" WHERE "tenantId" = $1`))[0].n;
    await expect(
      sql.transaction(async (tx) => {
        await tx.rows(insert, ['Rolled back']);
        await tx.transaction((inner) => inner.rows(insert, ['Rolled back too']));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await count()).toBe(0);
    await sql.transaction(async (tx) => {
      await tx.rows(insert, ['Kept']);
      await tx.transaction((inner) => inner.rows(insert, ['Kept too']));
    });
    expect(await count()).toBe(2);
  });
});
