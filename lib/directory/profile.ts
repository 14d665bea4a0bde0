import { z } from 'zod';
import { listManagerChain, tenantDb, tenantSql, USER_BY_NAME, type User } from '../db';
import { contactOf, type Contact } from './contact';
import { findPerson } from './find-person';
import { AppError } from '../errors';
import { personName } from './person-name';

// A person's profile: what Entra provisions (read-only here: the next cycle
// would overwrite an edit), where they sit (manager chain, reports, peers),
// their teams and pages, and the two fields they write themselves.

export interface PersonLink {
  id: string;
  name: string;
  title: string | null;
  photoKey: string | null;
}

export interface Profile {
  person: User;
  name: string;
  contact: Contact;
  managers: PersonLink[];
  /** SCIM named a manager who is not a user of the tenant (yet): shown where the manager would be. */
  managerNotInDirectory: boolean;
  reports: PersonLink[];
  peers: PersonLink[];
  groups: { id: string; name: string }[];
  /** Live wiki pages they own, and live pages that mention them (a link to their profile). */
  ownedPages: { slug: string; title: string }[];
  mentionedIn: { slug: string; title: string }[];
}

/** The manager chain stops here even if the data loops (a loop is a provisioning mistake, not a reason to hang). */
const MAX_CHAIN = 25;
const LIST_LIMIT = 50;

/** A person as lists of people show them, and the columns it needs. */
export const link = (u: Pick<User, 'id' | 'displayName' | 'givenName' | 'familyName' | 'userName' | 'title' | 'photoKey'>): PersonLink => ({
  id: u.id,
  name: personName(u),
  title: u.title,
  photoKey: u.photoKey,
});
export const LINK = { id: true, displayName: true, givenName: true, familyName: true, userName: true, title: true, photoKey: true } as const;

/** A person's current direct reports and the others under the same manager, by name. */
export async function teamAround(
  tenantId: string,
  person: Pick<User, 'id' | 'managerId'>,
  limit = LIST_LIMIT,
): Promise<{ reports: PersonLink[]; peers: PersonLink[] }> {
  const db = tenantDb(tenantId);
  const byName = [...USER_BY_NAME];
  const [reports, peers] = await Promise.all([
    db.user.findMany({ where: { managerId: person.id, active: true }, select: LINK, orderBy: byName, take: limit }),
    person.managerId
      ? db.user.findMany({ where: { managerId: person.managerId, active: true, id: { not: person.id } }, select: LINK, orderBy: byName, take: limit })
      : [],
  ]);
  return { reports: reports.map(link), peers: peers.map(link) };
}

/** The person at /people/<key>: their id or their userName. */
export async function findProfile(tenantId: string, key: string): Promise<Profile | null> {
  const db = tenantDb(tenantId);
  const person = await findPerson(tenantId, key);
  if (!person) return null;
  const [managers, { reports, peers }, memberships, ownedPages, mentions] = await Promise.all([
    listManagerChain(tenantSql(tenantId), person.id, MAX_CHAIN),
    teamAround(tenantId, person),
    db.groupMember.findMany({ where: { userId: person.id }, select: { group: { select: { id: true, displayName: true } } }, take: LIST_LIMIT }),
    db.wikiPage.findMany({
      where: { ownerId: person.id, deletedAt: null },
      select: { slug: true, title: true },
      orderBy: { updatedAt: 'desc' },
      take: LIST_LIMIT,
    }),
    db.pageMention.findMany({
      where: { userId: person.id, page: { deletedAt: null } },
      select: { page: { select: { slug: true, title: true } } },
      orderBy: { page: { updatedAt: 'desc' } },
      take: LIST_LIMIT,
    }),
  ]);
  return {
    person,
    name: personName(person),
    contact: contactOf(person),
    managers: managers.map(link), // from the top down to the direct manager
    managerNotInDirectory: person.unresolvedManagerId !== null,
    reports,
    peers,
    groups: memberships.map((m) => ({ id: m.group.id, name: m.group.displayName })).sort((a, b) => a.name.localeCompare(b.name)),
    ownedPages,
    mentionedIn: mentions.map((m) => m.page),
  };
}

const selfEdit = z.object({
  aboutMe: z.string().trim().max(2_000, '“About me” is at most 2,000 characters.'),
  skills: z
    .string()
    .max(1_000)
    .transform((text) => [
      ...new Set(
        text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(40, 'A skill is at most 40 characters.')).max(30, 'At most 30 skills.')),
});

/** The fields a person edits about themselves; nobody else's, and nothing Entra provisions. */
export async function updateOwnProfile(tenantId: string, userId: string, input: { aboutMe: unknown; skills: unknown }): Promise<void> {
  const parsed = selfEdit.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0].message);
  await tenantDb(tenantId).user.update({ where: { id: userId }, data: { aboutMe: parsed.data.aboutMe || null, skills: parsed.data.skills } });
}
