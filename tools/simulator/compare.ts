import { tenantDb } from '../../lib/db';
import { ENTERPRISE, managerOf } from './entra-resources';
import type { ScimSession } from './scim-session';
import type { SourceDirectory } from './source-directory';

// The end of every simulation: does the tenant hold exactly the source
// directory? Read twice, through SCIM (what Entra would see) and straight from
// the database (what the wiki shows), and compared by userName and group
// name, so that a duplicate, a stray or a missing object all show up.

interface TenantUser {
  id: string;
  userName: string;
  externalId: string | null;
  active: boolean;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  department: string | null;
  office: string | null;
  email: string | null;
  managerId: string | null;
}

interface TenantGroup {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

export interface TenantState {
  users: TenantUser[];
  groups: TenantGroup[];
}

type Resource = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const work = (list: unknown, key: string) => (Array.isArray(list) ? str((list as Resource[]).find((e) => e.type === 'work')?.[key]) : null);

/** Every page of a SCIM list. */
async function readAll(session: ScimSession, path: string, pageSize: number): Promise<Resource[]> {
  const all: Resource[] = [];
  for (let start = 1; ; start += pageSize) {
    const page = await session.send('GET', `${path}${path.includes('?') ? '&' : '?'}startIndex=${start}&count=${pageSize}`);
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}: ${JSON.stringify(page.body)}`);
    const resources = (page.body?.Resources as Resource[] | undefined) ?? [];
    all.push(...resources);
    if (resources.length < pageSize || all.length >= Number(page.body?.totalResults)) return all;
  }
}

export async function readOverScim(session: ScimSession): Promise<TenantState> {
  const users = (await readAll(session, '/Users', 500)).map((r) => ({
    id: String(r.id),
    userName: String(r.userName),
    externalId: str(r.externalId),
    active: r.active === true,
    displayName: str(r.displayName),
    givenName: str((r.name as Resource | undefined)?.givenName),
    familyName: str((r.name as Resource | undefined)?.familyName),
    title: str(r.title),
    department: str((r[ENTERPRISE] as Resource | undefined)?.department),
    office: work(r.addresses, 'formatted'),
    email: work(r.emails, 'value'),
    managerId: managerOf(r),
  }));
  const groups = (await readAll(session, '/Groups', 100)).map((g) => ({
    displayName: String(g.displayName),
    externalId: str(g.externalId),
    memberIds: ((g.members as Resource[] | undefined) ?? []).map((m) => String(m.value)),
  }));
  return { users, groups };
}

export async function readFromDatabase(tenantId: string): Promise<TenantState> {
  const db = tenantDb(tenantId);
  const users = await db.user.findMany({
    select: {
      id: true,
      userName: true,
      externalId: true,
      active: true,
      displayName: true,
      givenName: true,
      familyName: true,
      title: true,
      department: true,
      office: true,
      workEmail: true,
      managerId: true,
    },
  });
  const groups = await db.group.findMany({ select: { displayName: true, externalId: true, members: { select: { userId: true } } } });
  return {
    users: users.map(({ workEmail, ...u }) => ({ ...u, email: workEmail })),
    groups: groups.map((g) => ({ displayName: g.displayName, externalId: g.externalId, memberIds: g.members.map((m) => m.userId) })),
  };
}

/** Every way the tenant differs from the source, one line each. */
export function findDifferences(source: SourceDirectory, state: TenantState): string[] {
  const out: string[] = [];
  const byName = new Map(state.users.map((u) => [u.userName.toLowerCase(), u]));
  const nameOfId = new Map(state.users.map((u) => [u.id, u.userName.toLowerCase()]));
  if (byName.size !== state.users.length) out.push(`${state.users.length - byName.size} userNames appear more than once`);
  const expected = new Set<string>();
  for (const user of source.users) {
    const key = user.userName.toLowerCase();
    const found = byName.get(key);
    if (user.deleted) {
      if (found) out.push(`user ${user.userName}: deleted in the source, still in the tenant`);
      continue;
    }
    expected.add(key);
    if (!found) {
      out.push(`user ${user.userName}: missing`);
      continue;
    }
    const manager = user.managerKey === null ? null : source.users[user.managerKey].userName.toLowerCase();
    const pairs: [string, unknown, unknown][] = [
      ['externalId', found.externalId, user.objectId],
      ['active', found.active, user.active],
      ['displayName', found.displayName, user.displayName],
      ['givenName', found.givenName, user.givenName],
      ['familyName', found.familyName, user.familyName],
      ['title', found.title, user.title],
      ['department', found.department, user.department],
      ['office', found.office, user.office],
      ['work email', found.email, user.userName],
      ['manager', found.managerId === null ? null : (nameOfId.get(found.managerId) ?? `unknown id ${found.managerId}`), manager],
    ];
    for (const [name, tenant, wanted] of pairs) {
      if (tenant !== wanted) out.push(`user ${user.userName}: ${name} is ${JSON.stringify(tenant)}, the source has ${JSON.stringify(wanted)}`);
    }
  }
  for (const user of state.users) if (!expected.has(user.userName.toLowerCase())) out.push(`user ${user.userName}: in the tenant, not in the source`);

  const groupsByName = new Map(state.groups.map((g) => [g.displayName.toLowerCase(), g]));
  if (groupsByName.size !== state.groups.length) out.push(`${state.groups.length - groupsByName.size} group names appear more than once`);
  for (const group of source.groups) {
    const found = groupsByName.get(group.displayName.toLowerCase());
    groupsByName.delete(group.displayName.toLowerCase());
    if (!found) {
      out.push(`group ${group.displayName}: missing`);
      continue;
    }
    if (found.externalId !== group.objectId) out.push(`group ${group.displayName}: externalId is ${found.externalId}, the source has ${group.objectId}`);
    const members = new Set(found.memberIds.map((id) => nameOfId.get(id) ?? `unknown id ${id}`));
    const wanted = new Set([...group.members].map((key) => source.users[key].userName.toLowerCase()));
    const missing = [...wanted].filter((m) => !members.has(m));
    const extra = [...members].filter((m) => !wanted.has(m));
    if (missing.length || extra.length || members.size !== found.memberIds.length) {
      out.push(
        `group ${group.displayName}: ${missing.length} members missing (${missing.slice(0, 3).join(', ')}), ${extra.length} extra (${extra.slice(0, 3).join(', ')})`,
      );
    }
  }
  for (const stray of groupsByName.values()) out.push(`group ${stray.displayName}: in the tenant, not in the source`);
  return out;
}
