import type { OrgPersonRow } from '../db';
import { personName } from '../directory/person-name';

/** One person on the org chart, as the page and the JSON API show them. */
export interface OrgNode {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  photoKey: string | null;
  href: string;
  directReports: number;
  everyoneUnder: number;
  /** SCIM named a manager who is not a user of the tenant (yet). */
  managerNotInDirectory: boolean;
}

/** A list of people cut at a limit: `more` were left out. */
export interface OrgList {
  people: OrgNode[];
  more: number;
}

/** How many people one list shows at most: a flat org of thousands under one manager must not send them all. */
export const ORG_LIST_LIMIT = 200;

export function toOrgNode(row: OrgPersonRow, everyoneUnder: number): OrgNode {
  return {
    id: row.id,
    name: personName(row),
    title: row.title,
    department: row.department,
    photoKey: row.photoKey,
    href: `/people/${row.id}`,
    directReports: row.directReports,
    // Never fewer than the direct reports shown beside it, even from a snapshot older than they are.
    everyoneUnder: Math.max(everyoneUnder, row.directReports),
    managerNotInDirectory: row.managerNotInDirectory,
  };
}
