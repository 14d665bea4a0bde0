import { describe, expect, it } from 'vitest';
import { setRole } from '../../lib/admin/members';
import { tenantDb } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

const SYSTEM = { type: 'system', label: 'members test' } as const;

async function tenantWithPeople(subdomain: string, userNames: string[]) {
  const tenant = await createTenant({ subdomain, displayName: subdomain });
  const db = tenantDb(tenant.id);
  const ids: string[] = [];
  for (const userName of userNames) ids.push((await db.user.create({ data: { tenantId: tenant.id, userName, provisioned: true } })).id);
  return { tenant, ids };
}

describe('setRole', () => {
  it('lets admins of different tenants change roles at the same moment', async () => {
    // Serializable transactions in different tenants can still look like they
    // overlap to PostgreSQL; none of these may surface as a conflict.
    const tenants = await Promise.all(Array.from({ length: 12 }, (_, i) => tenantWithPeople(`roles${i}`, ['a@x.example', 'b@x.example'])));
    for (let round = 0; round < 4; round += 1) {
      await Promise.all(
        tenants.flatMap(({ tenant, ids }) =>
          ids.map((id) =>
            setRole(tenant.id, SYSTEM, id, round % 2 === 0 ? 'admin' : 'member').catch((e: unknown) => {
              // Demoting both admins at once: one of the pair is kept as the last admin.
              if (e instanceof AppError && e.message.startsWith('The last admin')) return;
              throw e;
            }),
          ),
        ),
      );
    }
    for (const { tenant } of tenants) {
      expect(await tenantDb(tenant.id).user.count({ where: { role: 'admin' } })).toBe(1);
    }
  });

  it('keeps one admin when two admins demote each other at once', async () => {
    const { tenant, ids } = await tenantWithPeople('mutual', ['a@m.example', 'b@m.example']);
    await Promise.all(ids.map((id) => setRole(tenant.id, SYSTEM, id, 'admin')));
    const outcomes = await Promise.allSettled(ids.map((id) => setRole(tenant.id, SYSTEM, id, 'member')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(AppError);
    expect((refused?.reason as AppError).message).toMatch(/^The last admin cannot be demoted/);
    expect(await tenantDb(tenant.id).user.count({ where: { role: 'admin' } })).toBe(1);
  });
});
