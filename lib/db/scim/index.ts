// SCIM's storage: raw SQL pinned to one tenant through tenantSql().
export { insertAuditRows, type AuditRow } from './audit';
export { addScimMembers, changeScimGroup, deleteScimGroup, findScimGroup, insertScimGroup, listScimMembers, type ScimGroupChange, type ScimGroupChangeResult, type ScimGroupValues } from './groups';
export type { ScimGroupRow, ScimMemberRow, ScimUserRow } from './rows';
export { searchScimGroups, searchScimUsers, type ScimWhere } from './search';
export { deleteScimUser, findScimUser, insertScimUser, SCIM_USER_COLUMNS, updateScimUser, type ScimUserValues } from './users';
