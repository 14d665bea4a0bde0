export { isUuid, tenantDb, TenantScopeError, type TenantDb, type TenantTx } from './tenant-db';
export { platformDb } from './platform-db';
export { disconnectDb } from './client';
export { isUniqueViolation } from './errors';
export type { Tenant, User, Group, ApiToken, ServiceAccount, WikiPage } from './generated/client';
export { searchScimResources, type ScimWhere } from './scim-search';
