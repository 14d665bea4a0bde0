export { tenantDb, type TenantDb } from './tenant-db';
export { platformDb } from './platform-db';
export { disconnectDb } from './client';
export type { Tenant, User, Group, ApiToken, ServiceAccount, WikiPage } from './generated/client';
export { UserRole, Prisma } from './generated/client';
export { isUniqueViolation } from './errors';
