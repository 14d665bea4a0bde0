import { readFileSync } from 'node:fs';
import internals from '@prisma/internals';
import { beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation, platformDb, tenantDb, type Tenant } from '../../lib/db';
import { TenantScopeError, TENANT_OWNED_MODELS } from '../../lib/db/tenant-db';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

let acme: Tenant;
let globex: Tenant;
let acmeUserId: string;
let globexUserId: string;

beforeAll(async () => {
  acme = await createTenant({ subdomain: 'acme', displayName: 'Acme' });
  globex = await createTenant({ subdomain: 'globex', displayName: 'Globex' });
  // The same userName may exist once in each tenant.
  acmeUserId = (await tenantDb(acme.id).user.create({ data: { tenantId: acme.id, userName: 'pat@example.com' } })).id;
  globexUserId = (await tenantDb(globex.id).user.create({ data: { tenantId: globex.id, userName: 'pat@example.com' } })).id;
});

describe('tenantDb', () => {
  it("lists only its own tenant's rows", async () => {
    const users = await tenantDb(acme.id).user.findMany();
    expect(users.map((u) => u.id)).toEqual([acmeUserId]);
  });

  it('ignores a tenantId the caller puts in the filter', async () => {
    const found = await tenantDb(acme.id).user.findMany({ where: { tenantId: globex.id } });
    expect(found.map((u) => u.id)).toEqual([acmeUserId]);
  });

  it("reads another tenant's id as not found", async () => {
    expect(await tenantDb(acme.id).user.findUnique({ where: { id: globexUserId } })).toBeNull();
  });

  it("cannot update or delete another tenant's row", async () => {
    const db = tenantDb(acme.id);
    await expect(db.user.update({ where: { id: globexUserId }, data: { title: 'hijacked' } })).rejects.toThrow();
    expect(await db.user.updateMany({ where: { id: globexUserId }, data: { title: 'hijacked' } })).toEqual({ count: 0 });
    expect(await db.user.deleteMany({ where: { id: globexUserId } })).toEqual({ count: 0 });
    const untouched = await tenantDb(globex.id).user.findUniqueOrThrow({ where: { id: globexUserId } });
    expect(untouched.title).toBeNull();
  });

  it('refuses to create a row for another tenant', async () => {
    await expect(tenantDb(acme.id).user.create({ data: { tenantId: globex.id, userName: 'mallory@example.com' } })).rejects.toThrow(TenantScopeError);
    await expect(tenantDb(acme.id).group.createMany({ data: [{ tenantId: globex.id, displayName: 'Stolen' }] })).rejects.toThrow(TenantScopeError);
  });

  it('refuses to move a row to another tenant', async () => {
    await expect(tenantDb(acme.id).user.update({ where: { id: acmeUserId }, data: { tenantId: globex.id } })).rejects.toThrow(TenantScopeError);
  });

  it('shows only its own row of the Tenant table, and cannot change it', async () => {
    expect((await tenantDb(acme.id).tenant.findMany()).map((t) => t.subdomain)).toEqual(['acme']);
    expect(await tenantDb(acme.id).tenant.findUnique({ where: { subdomain: 'globex' } })).toBeNull();
    await expect(tenantDb(acme.id).tenant.update({ where: { id: acme.id }, data: { subdomain: 'acme2' } })).rejects.toThrow(TenantScopeError);
    await expect(tenantDb(acme.id).tenant.deleteMany()).rejects.toThrow(TenantScopeError);
    expect(await platformDb.findTenantBySubdomain('acme')).not.toBeNull();
  });

  it('refuses nested writes, which could reach around the pin', async () => {
    const db = tenantDb(acme.id);
    const attempts = [
      () => db.user.update({ where: { id: acmeUserId }, data: { tenant: { connect: { id: globex.id } } } }),
      () => db.user.update({ where: { id: acmeUserId }, data: { ownedPages: { create: { slug: 'x', title: 'x', body: '' } } } }),
      () => db.user.update({ where: { id: acmeUserId }, data: { memberships: { deleteMany: {} } } }),
      () => db.group.create({ data: { tenantId: acme.id, displayName: 'G', members: { create: [] } } }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(/nested write/);
    expect((await tenantDb(globex.id).user.findUniqueOrThrow({ where: { id: globexUserId } })).tenantId).toBe(globex.id);
    expect(await tenantDb(globex.id).wikiPage.count()).toBe(0);
  });

  it('refuses to run without a tenant id rather than run unfiltered', () => {
    expect(() => tenantDb(undefined as unknown as string)).toThrow(TenantScopeError);
    expect(() => tenantDb('')).toThrow(TenantScopeError);
  });

  it("cannot point a row at another tenant's person, so includes stay inside the tenant", async () => {
    const db = tenantDb(globex.id);
    await expect(db.wikiPage.create({ data: { tenantId: globex.id, slug: 'p', title: 'P', body: '', ownerId: acmeUserId } })).rejects.toThrow(
      /foreign key|constraint/i,
    );
    await db.wikiPage.create({ data: { tenantId: globex.id, slug: 'p', title: 'P', body: '', ownerId: globexUserId } });
    const acmePat = await tenantDb(acme.id).user.findUniqueOrThrow({ where: { id: acmeUserId }, include: { ownedPages: true } });
    expect(acmePat.ownedPages).toEqual([]);
  });

  it('keeps the scope inside transactions', async () => {
    const seen = await tenantDb(globex.id).$transaction(async (tx) => tx.user.findMany({ select: { id: true } }));
    expect(seen).toEqual([{ id: globexUserId }]);
  });

  it('makes userName unique per tenant, ignoring case', async () => {
    const error = await tenantDb(acme.id)
      .user.create({ data: { tenantId: acme.id, userName: 'PAT@example.COM' } })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const found = await tenantDb(acme.id).user.findFirst({ where: { userName: 'Pat@Example.com' } });
    expect(found?.id).toBe(acmeUserId);
    expect(found?.userName).toBe('pat@example.com');
  });

  it('cannot make someone of another tenant a manager, even by id', async () => {
    await expect(tenantDb(acme.id).user.update({ where: { id: acmeUserId }, data: { managerId: globexUserId } })).rejects.toThrow(/foreign key|constraint/i);
  });

  it('scopes every model that has a tenantId, and only those', async () => {
    const { datamodel } = await internals.getDMMF({ datamodel: readFileSync('prisma/schema.prisma', 'utf8') });
    const withTenant = datamodel.models.filter((m) => m.fields.some((f) => f.name === 'tenantId')).map((m) => m.name);
    expect([...TENANT_OWNED_MODELS].sort()).toEqual(withTenant.sort());
  });

  it('leaves tenants reachable by subdomain through platformDb', async () => {
    expect((await platformDb.findTenantBySubdomain('globex'))?.id).toBe(globex.id);
  });
});
