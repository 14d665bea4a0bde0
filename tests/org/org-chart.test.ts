import { beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, type Tenant } from '../../lib/db';
import { listDirectReports } from '../../lib/org/direct-reports';
import { openChartAt } from '../../lib/org/open-chart';
import type { OrgList } from '../../lib/org/org-node';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

// Acme:                                   and a manager loop:
//   Cleo (CEO)                              Lou ⇄ Max, and Nia reporting to Lou
//   ├ Vic                                 Globex: Gus, to check isolation.
//   │ ├ Ann
//   │ │ └ Art (inactive)
//   │ │    └ Amy (her manager is inactive: a root)
//   │ └ Ben
//   └ Vera (inactive)
//      └ Bob (a root)
//         └ Bea
let acme: Tenant;
let globex: Tenant;
const id: Record<string, string> = {};

async function person(tenant: Tenant, name: string, manager: string | null, active = true): Promise<void> {
  const created = await tenantDb(tenant.id).user.create({
    data: {
      tenantId: tenant.id,
      userName: `${name.toLowerCase()}@example.com`,
      displayName: name,
      title: `${name}'s title`,
      department: 'Ops',
      managerId: manager ? id[manager] : null,
      active,
    },
  });
  id[name] = created.id;
}

const names = (list: OrgList | null | undefined) => list?.people.map((p) => p.name);
const counts = (list: OrgList | null | undefined) => Object.fromEntries((list?.people ?? []).map((p) => [p.name, [p.directReports, p.everyoneUnder]]));

beforeAll(async () => {
  acme = await createTenant({ subdomain: 'acme', displayName: 'Acme' });
  globex = await createTenant({ subdomain: 'globex', displayName: 'Globex' });
  for (const [name, manager, active] of [
    ['Cleo', null, true],
    ['Vic', 'Cleo', true],
    ['Ann', 'Vic', true],
    ['Art', 'Ann', false],
    ['Amy', 'Art', true],
    ['Ben', 'Vic', true],
    ['Vera', 'Cleo', false],
    ['Bob', 'Vera', true],
    ['Bea', 'Bob', true],
    ['Lou', null, true],
    ['Max', 'Lou', true],
    ['Nia', 'Lou', true],
  ] as const) {
    await person(acme, name, manager, active);
  }
  await tenantDb(acme.id).user.update({ where: { id: id.Lou }, data: { managerId: id.Max } });
  // Cleo's manager, as SCIM named them, is no user of the tenant (yet).
  await tenantDb(acme.id).user.update({ where: { id: id.Cleo }, data: { unresolvedManagerId: 'SuzzyQ' } });
  await person(globex, 'Gus', null);
});

describe('the org chart', () => {
  it("lists a manager's active reports by name, each with their direct reports and everyone under them", async () => {
    const reports = await listDirectReports(acme.id, id.Cleo);
    expect(names(reports)).toEqual(['Vic']);
    expect(counts(reports)).toEqual({ Vic: [2, 2] });
    expect(counts(await listDirectReports(acme.id, id.Vic))).toEqual({ Ann: [0, 0], Ben: [0, 0] });
    expect(reports?.people[0]).toMatchObject({ title: "Vic's title", department: 'Ops', href: `/people/${id.Vic}` });
  });

  it('makes roots of people without a manager and of people whose manager is inactive', async () => {
    const chart = await openChartAt(acme.id, id.Cleo);
    expect(names(chart?.roots)).toEqual(['Amy', 'Bob', 'Cleo']);
    expect(counts(chart?.roots)).toEqual({ Amy: [0, 0], Bob: [1, 1], Cleo: [1, 3] });
    expect(chart?.path).toEqual([id.Cleo]);
  });

  it('says where a manager SCIM named is not in the directory yet', async () => {
    const chart = await openChartAt(acme.id, id.Ann);
    const flagged = (list: OrgList | null | undefined) => list?.people.filter((p) => p.managerNotInDirectory).map((p) => p.name);
    expect(flagged(chart?.roots)).toEqual(['Cleo']);
    for (const list of Object.values(chart?.reports ?? {})) expect(flagged(list)).toEqual([]);
  });

  it('opens at a person with the path from their root expanded', async () => {
    const chart = await openChartAt(acme.id, id.Ann);
    expect(chart?.path).toEqual([id.Cleo, id.Vic, id.Ann]);
    expect(chart?.focusId).toBe(id.Ann);
    expect(names(chart?.reports[id.Cleo])).toEqual(['Vic']);
    expect(names(chart?.reports[id.Vic])).toEqual(['Ann', 'Ben']);
    expect(names(chart?.reports[id.Ann])).toEqual([]);
  });

  it('ends at a manager loop instead of following it, and counts everyone on and under the loop once', async () => {
    expect(counts(await listDirectReports(acme.id, id.Lou))).toEqual({ Max: [1, 2], Nia: [0, 0] });
    expect(counts(await listDirectReports(acme.id, id.Max))).toEqual({ Lou: [2, 2] });
    const chart = await openChartAt(acme.id, id.Nia);
    expect(chart?.path).toEqual([id.Max, id.Lou, id.Nia]);
    // Nobody on a loop is a root, so the top of the path is shown with the roots.
    expect(names(chart?.roots)).toEqual(['Amy', 'Bob', 'Cleo', 'Max']);
  });

  it("answers not found for an inactive person, a malformed id and another tenant's person", async () => {
    expect(await listDirectReports(acme.id, id.Vera)).toBeNull();
    expect(await openChartAt(acme.id, id.Art)).toBeNull();
    expect(await listDirectReports(acme.id, 'not-a-uuid')).toBeNull();
    expect(await openChartAt(acme.id, 'not-a-uuid')).toBeNull();
    expect(await listDirectReports(acme.id, id.Gus)).toBeNull();
    expect(await openChartAt(acme.id, id.Gus)).toBeNull();
    expect(await listDirectReports(globex.id, id.Cleo)).toBeNull();
    expect(names((await openChartAt(globex.id, id.Gus))?.roots)).toEqual(['Gus']);
  });

  it('counts a provisioning change at once', async () => {
    expect(counts(await listDirectReports(acme.id, id.Cleo))).toEqual({ Vic: [2, 2] });
    const db = tenantDb(acme.id);
    await db.user.update({ where: { id: id.Ben }, data: { active: false } });
    // SCIM logs every change to a person in the same statement as the change.
    await db.auditEvent.create({
      data: { tenantId: acme.id, actorType: 'service_account', actorLabel: 'Entra', action: 'user.update', targetType: 'User', targetId: id.Ben },
    });
    expect(counts(await listDirectReports(acme.id, id.Cleo))).toEqual({ Vic: [1, 1] });
    expect(names(await listDirectReports(acme.id, id.Vic))).toEqual(['Ann']);
  });
});
