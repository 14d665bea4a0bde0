import { tenantDb } from '../db';
import { personName } from './person-name';

export const PEOPLE_PAGE_SIZE = 50;

export interface PersonSummary {
  id: string;
  displayName: string;
  title: string | null;
  department: string | null;
  workEmail: string | null;
}

export interface PeoplePage {
  people: PersonSummary[];
  total: number;
  page: number;
  pageCount: number;
}

/** Active people of a tenant, by family then given name, one page at a time (a page past the end shows the last). */
export async function listPeople(tenantId: string, requestedPage = 1): Promise<PeoplePage> {
  const db = tenantDb(tenantId);
  const where = { active: true };
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * PEOPLE_PAGE_SIZE,
    take: PEOPLE_PAGE_SIZE,
    select: { id: true, displayName: true, userName: true, givenName: true, familyName: true, title: true, department: true, workEmail: true },
  });
  return {
    people: rows.map((row) => ({
      id: row.id,
      displayName: personName(row),
      title: row.title,
      department: row.department,
      workEmail: row.workEmail,
    })),
    total,
    page,
    pageCount,
  };
}
