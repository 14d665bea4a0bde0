import { findOrgPerson, isUuid, listOrgReports, tenantSql } from '../db';
import { everyoneUnder } from './everyone-under';
import { ORG_LIST_LIMIT, toOrgNode, type OrgList } from './org-node';

/** The active direct reports of an active person, sorted by name; null when there is no such person here. */
export async function listDirectReports(tenantId: string, managerId: string): Promise<OrgList | null> {
  if (!isUuid(managerId)) return null;
  const sql = tenantSql(tenantId);
  const [manager, reports] = await Promise.all([findOrgPerson(sql, managerId), listOrgReports(sql, [managerId], ORG_LIST_LIMIT)]);
  if (!manager) return null;
  const rows = reports.get(managerId)!;
  const counts = await everyoneUnder(
    tenantId,
    rows.map((r) => r.id),
  );
  return {
    people: rows.map((row) => toOrgNode(row, counts.get(row.id) ?? 0)),
    more: Math.max(0, manager.directReports - rows.length),
  };
}
