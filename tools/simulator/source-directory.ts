import { DEPARTMENTS, FAMILY_NAMES, GIVEN_NAMES, LEVEL_TITLES, OFFICES } from '../seed/company-data';
import { createRandom, type Random } from '../seed/random';

// The simulated Entra directory: the source of truth that the provisioning
// cycles copy into a tenant, and that the tenant is compared with at the end.
// A person's manager always has a smaller key, so no change can make a loop
// (the tenant would refuse one, and real directories have none).

export interface SourceUser {
  key: number;
  /** Entra's object id, sent as externalId. */
  objectId: string;
  userName: string;
  givenName: string;
  familyName: string;
  displayName: string;
  title: string;
  department: string;
  office: string;
  managerKey: number | null;
  active: boolean;
  /** Hard-deleted in the source: must be gone from the tenant. */
  deleted: boolean;
}

export interface SourceGroup {
  key: number;
  objectId: string;
  displayName: string;
  members: Set<number>;
}

export interface SourceDirectory {
  users: SourceUser[];
  groups: SourceGroup[];
  random: Random;
}

/** People per manager: a 100,000-person company is then six levels deep. */
const SPAN = 7;

/** A GUID-shaped id from the seeded generator, so a seed gives the same directory every time. */
function objectId(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function titleFor(random: Random, department: string, level: number): string {
  if (level < LEVEL_TITLES.length) return LEVEL_TITLES[level];
  return random.pick(DEPARTMENTS.find((d) => d.name === department)!.roles);
}

export function generateSourceDirectory(options: { users: number; groups: number; averageMembers: number; seed?: number; domain?: string }): SourceDirectory {
  const random = createRandom(options.seed ?? 7);
  const domain = options.domain ?? 'contoso.example';
  const users: SourceUser[] = [];
  const levels: number[] = [];
  for (let key = 0; key < options.users; key++) {
    const managerKey = key === 0 ? null : Math.floor((key - 1) / SPAN);
    levels.push(managerKey === null ? 0 : levels[managerKey] + 1);
    const givenName = random.pick(GIVEN_NAMES);
    const familyName = random.pick(FAMILY_NAMES);
    const department = random.pick(DEPARTMENTS).name;
    users.push({
      key,
      objectId: objectId(random),
      // The key keeps userNames unique however often names repeat.
      userName: `${givenName}.${familyName}.${key}@${domain}`
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9.@]/g, ''),
      givenName,
      familyName,
      displayName: `${givenName} ${familyName}`,
      title: titleFor(random, department, levels[key]),
      department,
      office: random.pick(OFFICES).name,
      managerKey,
      active: true,
      deleted: false,
    });
  }
  const groups: SourceGroup[] = [];
  for (let key = 0; key < options.groups && users.length > 0; key++) {
    const size = Math.min(users.length, random.int(Math.ceil(options.averageMembers / 2), Math.floor((options.averageMembers * 3) / 2)));
    const members = new Set<number>();
    while (members.size < size) members.add(random.int(0, users.length - 1));
    groups.push({ key, objectId: objectId(random), displayName: `${random.pick(DEPARTMENTS).name} group ${key + 1}`, members });
  }
  return { users, groups, random };
}
