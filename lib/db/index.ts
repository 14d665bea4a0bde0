export { isUuid, tenantDb, TenantScopeError, type TenantDb, type TenantTx } from './tenant-db';
export { tenantSql, type TenantSql } from './tenant-sql';
export { platformDb } from './platform-db';
export { disconnectDb } from './client';
export { isMissingReference, isUniqueViolation } from './errors';
export { findActiveToken, type ActiveToken } from './active-token';
export type { Tenant, User, Group, ApiToken, ServiceAccount, WikiPage, Prisma } from './generated/client';
export * from './scim';
export * from './org';
