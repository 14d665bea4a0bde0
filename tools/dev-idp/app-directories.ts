import { isUuid, platformDb, tenantDb } from '../../lib/db';
import { STATIC_DIRECTORIES, type DevDirectory, type DevPerson } from './directories';
import type { GraphPerson } from './graph';

/** How many people of one directory the login page lists (the demo company has 200). */
const LISTED = 300;

/**
 * The directories the development identity provider offers: one per tenant
 * bound to a directory, with its people as provisioned (so that people SCIM
 * creates can sign in at once), plus the fixed directories of companies that
 * have not signed up. A person provisioned with their object id (bound at
 * sign-in, or sent as externalId) is that account; the provider gives
 * anyone else one of its own (accounts.ts). Someone without a work email has
 * no mailbox.
 */
export async function directoriesFromDatabase(): Promise<DevDirectory[]> {
  const tenants = (await platformDb.listTenants()).filter((t) => t.entraTenantId);
  const bound = await Promise.all(
    tenants.map(async (tenant): Promise<DevDirectory> => {
      const tid = tenant.entraTenantId!;
      const users = await tenantDb(tenant.id).user.findMany({
        select: { userName: true, displayName: true, workEmail: true, entraObjectId: true, externalId: true },
        orderBy: [{ role: 'desc' }, { familyName: 'asc' }, { userName: 'asc' }],
        take: LISTED,
      });
      const people: DevPerson[] = users.map((u) => ({
        oid: u.entraObjectId ?? (u.externalId && isUuid(u.externalId) ? u.externalId.toLowerCase() : undefined),
        userName: u.userName,
        name: u.displayName ?? u.userName,
        email: u.workEmail,
        directoryRoles: [],
      }));
      const fixed = STATIC_DIRECTORIES.find((d) => d.tid === tid);
      const named = new Set(people.map((p) => p.userName.toLowerCase()));
      // A company using TheOrgWiki has consented to it.
      return {
        tid,
        name: tenant.displayName,
        consented: true,
        people: [...people, ...(fixed?.people ?? []).filter((p) => !named.has(p.userName.toLowerCase()))],
      };
    }),
  );
  const boundIds = new Set(bound.map((d) => d.tid));
  return [...bound, ...STATIC_DIRECTORIES.filter((d) => !boundIds.has(d.tid))];
}

/**
 * A person of a bound directory for Graph, by object id (bound at sign-in, or
 * provisioned as externalId) or user principal name, among everyone
 * provisioned, not only the people the login page lists; else one of the
 * fixed directories' people.
 */
export async function findPersonInDatabase(tid: string, id: string): Promise<GraphPerson | null> {
  const tenant = (await platformDb.listTenants()).find((t) => t.entraTenantId === tid);
  if (tenant) {
    const where = isUuid(id) ? { OR: [{ entraObjectId: id }, { externalId: id }] } : { userName: id };
    const user = await tenantDb(tenant.id).user.findFirst({ where, select: { userName: true, displayName: true, workEmail: true } });
    if (user) return { userName: user.userName, name: user.displayName ?? user.userName, hasMailbox: user.workEmail !== null };
  }
  const person = STATIC_DIRECTORIES.find((d) => d.tid === tid)?.people.find((p) => p.userName.toLowerCase() === id.toLowerCase());
  return person ? { userName: person.userName, name: person.name, hasMailbox: person.email !== null } : null;
}
