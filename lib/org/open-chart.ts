import { findOrgPerson, isUuid, listOrgChain, listOrgReports, listOrgRoots, tenantSql, type OrgPersonRow } from '../db';
import { everyoneUnder } from './everyone-under';
import { ORG_LIST_LIMIT, toOrgNode, type OrgList } from './org-node';

/** The chart as it opens at one person: the roots, and the path down to them expanded. */
export interface OpenChart {
  roots: OrgList;
  /** Each expanded person's direct reports, by their id: everyone on the path, the person included. */
  reports: Record<string, OrgList>;
  /** Ids from the top of the person's chain down to the person. */
  path: string[];
  focusId: string;
}

/** Far more levels than any company has; a longer chain is cut here rather than followed. */
const MAX_CHAIN = 100;

/** `rows` with `required` added at the end when the limit cut it off, so that the path stays visible. */
function including(rows: OrgPersonRow[], required: OrgPersonRow | undefined): OrgPersonRow[] {
  return !required || rows.some((r) => r.id === required.id) ? rows : [...rows, required];
}

/** The chart opened at `personId` (an active person of the tenant), or null when there is no such person. */
export async function openChartAt(tenantId: string, personId: string): Promise<OpenChart | null> {
  if (!isUuid(personId)) return null;
  const sql = tenantSql(tenantId);
  const chain = await listOrgChain(sql, personId, MAX_CHAIN);
  if (chain.length === 0) return null;
  // The top of the chain is a root or, when managers loop, the person whose manager the walk had met already.
  const [rootList, reportRows] = await Promise.all([
    listOrgRoots(sql, ORG_LIST_LIMIT),
    listOrgReports(
      sql,
      chain.map((person) => person.id),
      ORG_LIST_LIMIT,
    ),
  ]);
  const roots = including(rootList.rows, chain[0]);
  const lists = chain.map((person, i) => ({ person, rows: including(reportRows.get(person.id)!, chain[i + 1]) }));
  const everyone = [...roots, ...lists.flatMap((l) => l.rows)];
  const counts = await everyoneUnder(tenantId, [...new Set(everyone.map((r) => r.id))]);
  const list = (rows: OrgPersonRow[], total: number): OrgList => ({
    people: rows.map((row) => toOrgNode(row, counts.get(row.id) ?? 0)),
    more: Math.max(0, total - rows.length),
  });
  return {
    roots: list(roots, rootList.total),
    reports: Object.fromEntries(lists.map(({ person, rows }) => [person.id, list(rows, person.directReports)])),
    path: chain.map((p) => p.id),
    focusId: personId,
  };
}

/** Whether the chart can open at `personId`: an active person of the tenant. One index lookup. */
export async function isOnOrgChart(tenantId: string, personId: string): Promise<boolean> {
  return isUuid(personId) && (await findOrgPerson(tenantSql(tenantId), personId)) !== null;
}
