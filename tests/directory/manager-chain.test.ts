import { beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, type Tenant } from '../../lib/db';
import { findProfile } from '../../lib/directory/profile';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

let acme: Tenant;
const ids: Record<string, string> = {};

beforeAll(async () => {
  acme = await createTenant({ subdomain: 'acme', displayName: 'Acme' });
  const db = tenantDb(acme.id);
  // ceo ← vp (former) ← dev; loop1 ↔ loop2 ← looped
  for (const [handle, manager, active] of [
    ['ceo', null, true],
    ['vp', 'ceo', false],
    ['dev', 'vp', true],
    ['loop1', null, true],
    ['loop2', 'loop1', true],
    ['looped', 'loop2', true],
  ] as const) {
    ids[handle] = (
      await db.user.create({
        data: { tenantId: acme.id, userName: `${handle}@acme.example`, displayName: handle, active, managerId: manager ? ids[manager] : null },
      })
    ).id;
  }
  await db.user.update({ where: { id: ids.loop1 }, data: { managerId: ids.loop2 } });
});

const chainOf = async (handle: string) => (await findProfile(acme.id, ids[handle]))!.managers.map((m) => m.name);

describe('a profile’s manager chain', () => {
  it('runs from the top down to the direct manager, former managers included', async () => {
    expect(await chainOf('dev')).toEqual(['ceo', 'vp']);
    expect(await chainOf('ceo')).toEqual([]);
  });

  it('ends where the data loops instead of going round', async () => {
    expect(await chainOf('looped')).toEqual(['loop1', 'loop2']);
    expect(await chainOf('loop1')).toEqual(['loop2']);
  });
});
