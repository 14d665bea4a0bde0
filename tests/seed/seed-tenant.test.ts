import { describe, expect, it } from 'vitest';
import { tenantDb } from '../../lib/db';
import { generateCompany, orgDepth } from '../../tools/seed/generate-company';
import { seedTenant } from '../../tools/seed/seed-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

describe('generateCompany', () => {
  it('builds a tree 5 to 6 levels deep for 200 people with unique user names', () => {
    const people = generateCompany({ size: 200, domain: 'acme.example' });
    expect(people).toHaveLength(200);
    expect(orgDepth(people)).toBeGreaterThanOrEqual(5);
    expect(orgDepth(people)).toBeLessThanOrEqual(6);
    expect(new Set(people.map((p) => p.userName.toLowerCase())).size).toBe(200);
    expect(people.filter((p) => p.managerId === null)).toHaveLength(1);
    const ids = new Set(people.map((p) => p.id));
    expect(people.every((p) => p.managerId === null || ids.has(p.managerId))).toBe(true);
  });

  it('keeps 100,000 people unique and the tree shallow enough to browse', () => {
    const people = generateCompany({ size: 100_000, domain: 'big.example' });
    expect(new Set(people.map((p) => p.userName)).size).toBe(100_000);
    expect(orgDepth(people)).toBeLessThanOrEqual(9);
  });
});

describe('seedTenant', () => {
  it('creates the demo company once', async () => {
    const result = await seedTenant({ subdomain: 'acme', displayName: 'Acme Corporation', size: 200, withContent: true });
    expect(result).toMatchObject({ created: true, people: 200 });
    expect(result.admins).toHaveLength(2);

    const db = tenantDb(result.tenant.id);
    expect(await db.user.count()).toBe(200);
    expect(await db.user.count({ where: { managerId: null } })).toBe(1);
    expect(await db.user.count({ where: { role: 'admin' } })).toBe(2);
    const groups = await db.group.count();
    expect(groups).toBeGreaterThanOrEqual(12);
    expect(groups).toBeLessThanOrEqual(18);
    expect(await db.groupMember.count()).toBeGreaterThan(400);
    const pages = await db.wikiPage.findMany({ select: { body: true, ownerId: true } });
    expect(pages.length).toBeGreaterThanOrEqual(18);
    expect(pages.every((p) => p.ownerId !== null)).toBe(true);
    expect(pages.filter((p) => /\]\(\/people\/[0-9a-f-]{36}\)/.test(p.body)).length).toBeGreaterThanOrEqual(15);
    expect(await db.pageRevision.count()).toBe(pages.length);
    // Every person a page links to is one of its mentions, so their profile lists it.
    const linked = pages.reduce((sum, p) => sum + new Set(p.body.match(/\/people\/[0-9a-f-]{36}/g)).size, 0);
    expect(await db.pageMention.count()).toBe(linked);

    const again = await seedTenant({ subdomain: 'acme', displayName: 'Acme Corporation', size: 200, withContent: true });
    expect(again).toMatchObject({ created: false, people: 0 });
    expect(await db.user.count()).toBe(200);
  });
});
