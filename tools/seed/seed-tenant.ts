import { randomUUID } from 'node:crypto';
import { platformDb, tenantDb, type Tenant } from '../../lib/db';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { recordRevision } from '../../lib/wiki/record-revision';
import { demoGroups, demoPages } from './demo-content';
import { generateCompany, type GeneratedPerson } from './generate-company';
import { insertPeople } from './insert-people';

export interface SeedOptions {
  subdomain: string;
  displayName: string;
  size: number;
  /** Groups and wiki pages as well as people (the demo company). */
  withContent: boolean;
  /** The Microsoft directory the tenant is bound to (its people sign in from there). */
  entraTenantId?: string;
  onProgress?: (inserted: number) => void;
}

export interface SeedResult {
  tenant: Tenant;
  created: boolean;
  people: number;
  admins: string[];
}

async function insertGroups(tenantId: string, people: readonly GeneratedPerson[]): Promise<void> {
  const db = tenantDb(tenantId);
  for (const group of demoGroups(people)) {
    const id = randomUUID();
    await db.group.create({ data: { id, tenantId, displayName: group.displayName, description: group.description, externalId: id } });
    await db.groupMember.createMany({ data: group.memberIds.map((userId) => ({ tenantId, groupId: id, userId })) });
  }
}

async function insertPages(tenantId: string, people: readonly GeneratedPerson[]): Promise<void> {
  const db = tenantDb(tenantId);
  const idsBySlug = new Map<string, string>();
  for (const page of demoPages(people)) {
    const id = randomUUID();
    idsBySlug.set(page.slug, id);
    const parentId = page.parentSlug ? (idsBySlug.get(page.parentSlug) ?? null) : null;
    // As the wiki saves a page: the page, its first revision and its mentions together.
    await db.$transaction(async (tx) => {
      await tx.wikiPage.create({ data: { id, tenantId, slug: page.slug, title: page.title, body: page.body, parentId, ownerId: page.ownerId } });
      await recordRevision(tx, tenantId, { id, title: page.title, body: page.body }, page.ownerId);
    });
  }
}

/**
 * Creates a tenant filled with a generated company. Does nothing when the
 * subdomain already exists, so the demo can call it on every start.
 */
export async function seedTenant(options: SeedOptions): Promise<SeedResult> {
  const existing = await platformDb.findTenantBySubdomain(options.subdomain);
  if (existing) {
    const admins = await tenantDb(existing.id).user.findMany({ where: { role: 'admin' }, select: { userName: true } });
    return { tenant: existing, created: false, people: 0, admins: admins.map((a) => a.userName) };
  }
  const tenant = await createTenant({ subdomain: options.subdomain, displayName: options.displayName, entraTenantId: options.entraTenantId });
  const people = generateCompany({ size: options.size, domain: `${options.subdomain}.example` });
  // The CEO and the head of IT (who connects Entra) administer the demo tenant.
  const admins = people.filter((p) => p.level === 0 || (p.level === 1 && p.department === 'IT'));
  try {
    await insertPeople(tenant.id, people, options.onProgress);
    await tenantDb(tenant.id).user.updateMany({ where: { id: { in: admins.map((a) => a.id) } }, data: { role: 'admin' } });
    if (options.withContent) {
      await insertGroups(tenant.id, people);
      await insertPages(tenant.id, people);
    }
  } catch (error) {
    // A half-seeded tenant would be taken for a finished one on the next start.
    await platformDb.deleteTenant(tenant.id);
    throw error;
  }
  return { tenant, created: true, people: people.length, admins: admins.map((a) => a.userName) };
}
