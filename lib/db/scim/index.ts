// SCIM's storage: raw SQL pinned to one tenant through tenantSql().
export { insertProvisioningLogRows, type ProvisioningLogRow } from './provisioning-log';
export { addScimMembers, changeScimGroup, deleteScimGroup, findScimGroup, insertScimGroup, listScimMembers, type ScimGroupChangeResult } from './groups';
export type { ScimGroupRow, ScimMemberRow, ScimUserRow } from './rows';
export { searchScimGroups, searchScimUsers, type ScimWhere } from './search';
export { deleteScimUser, findScimUser, insertScimUser, updateScimUser } from './users';
export {
  columnsOf,
  SCIM_GROUP_TABLE,
  SCIM_ROW_COLUMNS,
  SCIM_USER_TABLE,
  type ColumnKind,
  type PluralValue,
  type ScimGroupColumn,
  type ScimGroupValues,
  type ScimRowColumn,
  type ScimUserColumn,
  type ScimUserValues,
} from './tables';
