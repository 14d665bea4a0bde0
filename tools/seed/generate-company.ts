import { randomUUID } from 'node:crypto';
import { createRandom, type Random } from './random';
import { DEPARTMENTS, FAMILY_NAMES, GIVEN_NAMES, LEVEL_TITLES, OFFICES, type Office } from './company-data';

// Generates a believable company: a CEO, one VP per department, and a manager
// tree filled breadth first, so that 200 people come out 5 levels deep and
// 100,000 about 7. Pure apart from ids; the seed fixes everything else.

export interface GeneratedPerson {
  id: string;
  level: number;
  managerId: string | null;
  userName: string;
  externalId: string;
  givenName: string;
  familyName: string;
  displayName: string;
  title: string;
  department: string;
  costCenter: string;
  employeeNumber: string;
  office: Office;
  workEmail: string;
  workPhone: string;
  mobilePhone: string;
}

interface Draft {
  id: string;
  level: number;
  managerIndex: number | null;
  departmentIndex: number | null;
  reports: number;
}

function spanRange(size: number): [number, number] {
  return [2, Math.max(4, Math.round(Math.pow(size, 0.25) / 1.5))];
}

function buildTree(size: number, random: Random): Draft[] {
  const drafts: Draft[] = [{ id: randomUUID(), level: 0, managerIndex: null, departmentIndex: null, reports: 0 }];
  for (let d = 0; d < DEPARTMENTS.length && drafts.length < size; d++) {
    drafts.push({ id: randomUUID(), level: 1, managerIndex: 0, departmentIndex: d, reports: 0 });
    drafts[0].reports++;
  }
  const [minSpan, maxSpan] = spanRange(size);
  for (let manager = 1; drafts.length < size; manager++) {
    const span = random.int(minSpan, maxSpan);
    for (let i = 0; i < span && drafts.length < size; i++) {
      const boss = drafts[manager];
      drafts.push({ id: randomUUID(), level: boss.level + 1, managerIndex: manager, departmentIndex: boss.departmentIndex, reports: 0 });
      boss.reports++;
    }
  }
  return drafts;
}

function titleFor(draft: Draft, department: string, random: Random): string {
  if (draft.level === 0) return LEVEL_TITLES[0];
  if (draft.level === 1) return `${LEVEL_TITLES[1]}, ${department}`;
  if (draft.reports > 0) return `${LEVEL_TITLES[Math.min(draft.level, LEVEL_TITLES.length - 1)]}, ${department}`;
  const role = random.pick(DEPARTMENTS.find((d) => d.name === department)?.roles ?? ['Specialist']);
  return random.next() < 0.3 ? `Senior ${role}` : role;
}

function emailLocalPart(given: string, family: string): string {
  return `${given}.${family}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
}

export function generateCompany(options: { size: number; domain: string; seed?: number }): GeneratedPerson[] {
  const random = createRandom(options.seed ?? 42);
  const drafts = buildTree(options.size, random);
  const taken = new Map<string, number>();
  return drafts.map((draft, index) => {
    const givenName = random.pick(GIVEN_NAMES);
    const familyName = random.pick(FAMILY_NAMES);
    const base = emailLocalPart(givenName, familyName);
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    const userName = `${seen === 1 ? base : `${base}${seen}`}@${options.domain}`;
    const dept = draft.departmentIndex === null ? null : DEPARTMENTS[draft.departmentIndex];
    const department = dept?.name ?? 'Executive Office';
    const office = index === 0 ? OFFICES[0] : random.pick(OFFICES);
    const employeeNumber = String(100000 + index);
    return {
      id: draft.id,
      level: draft.level,
      managerId: draft.managerIndex === null ? null : drafts[draft.managerIndex].id,
      userName,
      // Entra's object id, as the mapping docs/sign-in.md recommends sends it: sign-in matches people on it.
      externalId: randomUUID(),
      givenName,
      familyName,
      displayName: `${givenName} ${familyName}`,
      title: titleFor(draft, department, random),
      department,
      costCenter: dept?.costCenter ?? 'CC-000',
      employeeNumber,
      office,
      workEmail: userName,
      workPhone: `${office.phonePrefix}${String(1000 + (index % 9000)).padStart(4, '0')}`,
      mobilePhone: `+1 555 01${String(index % 100).padStart(2, '0')} ${String(index % 10000).padStart(4, '0')}`,
    };
  });
}

/** The depth of the manager tree: 1 for a company of one. */
export function orgDepth(people: readonly Pick<GeneratedPerson, 'level'>[]): number {
  return people.reduce((max, p) => Math.max(max, p.level + 1), 0);
}
