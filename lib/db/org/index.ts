// The org chart's storage: raw SQL pinned to one tenant through tenantSql().
export { findOrgPerson, latestOrgChange, listActiveEdges, listOrgChain, listOrgReports, listOrgRoots, type OrgPersonRow } from './chart';
