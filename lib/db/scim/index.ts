// SCIM's storage: raw SQL pinned to one tenant through tenantSql().
export { insertProvisioningLogRows, type ProvisioningLogRow } from './provisioning-log';
export { addScimMembers, changeScimGroup, deleteScimGroup, findScimGroup, insertScimGroup, listScimMembers, type ScimGroupChangeResult } from './groups';
export type { ScimGroupRow, ScimMemberRow, ScimUserRow } from './rows';
export { searchScimGroups, searchScimUsers, type ScimWhere } from './search';
export { deleteScimUser, findScimUser, insertScimUser, updateScimUser } from './users';
