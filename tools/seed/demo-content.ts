import { DEPARTMENTS, OFFICES } from './company-data';
import type { GeneratedPerson } from './generate-company';

// The groups and wiki pages of the demo company, derived from its people.

export interface GroupSeed {
  displayName: string;
  description: string;
  memberIds: string[];
}

export function demoGroups(people: readonly GeneratedPerson[]): GroupSeed[] {
  const departments = DEPARTMENTS.map((d) => ({
    displayName: `${d.name} Team`,
    description: `Everyone in ${d.name}.`,
    memberIds: people.filter((p) => p.department === d.name).map((p) => p.id),
  }));
  const offices = OFFICES.map((o) => ({
    displayName: `${o.name} Office`,
    description: `People based in ${o.name}.`,
    memberIds: people.filter((p) => p.office.name === o.name).map((p) => p.id),
  }));
  const managerIds = new Set(people.map((p) => p.managerId).filter((id): id is string => id !== null));
  return [
    { displayName: 'Leadership Team', description: 'The CEO and the heads of department.', memberIds: people.filter((p) => p.level <= 1).map((p) => p.id) },
    { displayName: 'People Managers', description: 'Everyone with direct reports.', memberIds: [...managerIds] },
    ...departments,
    ...offices,
  ];
}

export interface PageSeed {
  slug: string;
  title: string;
  body: string;
  ownerId: string;
  parentSlug: string | null;
}

/** A mention, as the editor's @-picker writes it: the profile lists the page. */
const link = (p: GeneratedPerson) => `[@${p.displayName}](/people/${p.id})`;

/** About twenty pages: a handbook tree whose pages name the people to ask. */
export function demoPages(people: readonly GeneratedPerson[]): PageSeed[] {
  const ceo = people[0];
  const heads = people.filter((p) => p.level === 1);
  const headOf = (department: string) => heads.find((p) => p.department === department) ?? ceo;
  const pages: PageSeed[] = [
    {
      slug: 'welcome',
      title: 'Welcome to Acme',
      body: `Start with the [Employee Handbook](/wiki/handbook). Our CEO is ${link(ceo)}.\n\n## Who leads what\n\n${heads
        .map((h) => `- **${h.department}**: ${link(h)}`)
        .join('\n')}\n`,
      ownerId: ceo.id,
      parentSlug: null,
    },
    {
      slug: 'handbook',
      title: 'Employee Handbook',
      body: `How we work at Acme. Questions go to ${link(headOf('People'))}.\n\n- [Onboarding checklist](/wiki/onboarding)\n- [Time off](/wiki/time-off)\n- [Expenses](/wiki/expenses)\n- [IT and security](/wiki/it-security)\n`,
      ownerId: headOf('People').id,
      parentSlug: 'welcome',
    },
    {
      slug: 'onboarding',
      title: 'Onboarding checklist',
      body: `1. Sign in with your Microsoft account.\n2. Fill in your profile and skills.\n3. Meet your manager and your team.\n\nOwner: ${link(headOf('People'))}.\n`,
      ownerId: headOf('People').id,
      parentSlug: 'handbook',
    },
    {
      slug: 'time-off',
      title: 'Time off',
      body: `Book leave at least two weeks ahead and tell your manager. Payroll questions: ${link(headOf('Finance'))}.\n`,
      ownerId: headOf('People').id,
      parentSlug: 'handbook',
    },
    {
      slug: 'expenses',
      title: 'Expenses',
      body: `Submit receipts within 30 days. The finance team (${link(headOf('Finance'))}) approves claims weekly.\n`,
      ownerId: headOf('Finance').id,
      parentSlug: 'handbook',
    },
    {
      slug: 'it-security',
      title: 'IT and security',
      body: `Accounts come from Microsoft Entra ID. Lost laptop? Tell ${link(headOf('IT'))} at once.\n`,
      ownerId: headOf('IT').id,
      parentSlug: 'handbook',
    },
    {
      slug: 'offices',
      title: 'Our offices',
      body: `${OFFICES.map((o) => `- **${o.name}**: ${o.streetAddress}, ${o.postalCode} ${o.locality}`).join('\n')}\n`,
      ownerId: headOf('People').id,
      parentSlug: 'welcome',
    },
  ];
  for (const head of heads) {
    const slug = head.department.toLowerCase().replace(/[^a-z]+/g, '-');
    const team = people.filter((p) => p.managerId === head.id).slice(0, 5);
    pages.push({
      slug,
      title: `${head.department}`,
      body: `Led by ${link(head)}.\n\n## Leads\n\n${team.map((p) => `- ${link(p)}, ${p.title}`).join('\n')}\n`,
      ownerId: head.id,
      parentSlug: 'welcome',
    });
    pages.push({
      slug: `${slug}-playbook`,
      title: `${head.department} playbook`,
      body: `How ${head.department} plans, ships and reviews its work. Ask ${link(team[0] ?? head)} about anything here; see the [${head.department}](/wiki/${slug}) page for who is who.\n`,
      ownerId: head.id,
      parentSlug: slug,
    });
  }
  return pages.slice(0, 22);
}
