import { rootClient } from './client';

// Tenant isolation lives here and nowhere else: tenantDb(tenantId) is a Prisma
// client whose every query on a tenant-owned model is constrained to that tenant,
// whatever the caller passes. Call sites never write `tenantId` in a where clause.
// (Creates name tenantId because Prisma's types require it; a different value is refused.)
// Raw SQL ($queryRaw) is not scoped: it is allowed only inside lib/db.

/** Models that carry tenantId. A model added to the schema must be listed here (a test checks). */
export const TENANT_OWNED_MODELS = [
  'User',
  'Group',
  'GroupMember',
  'ServiceAccount',
  'ApiToken',
  'WikiPage',
  'PageRevision',
  'AuditEvent',
] as const;

const tenantOwned = new Set<string>(TENANT_OWNED_MODELS);

type Args = Record<string, unknown> & {
  where?: Record<string, unknown>;
  data?: Record<string, unknown> | Record<string, unknown>[];
  create?: Record<string, unknown>;
  update?: Record<string, unknown>;
};

const READS_AND_WRITES_BY_WHERE = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
]);
const CREATES = new Set(['create', 'createMany', 'createManyAndReturn']);

export class CrossTenantWriteError extends Error {
  constructor(operation: string) {
    super(`Refused ${operation}: the data names another tenant than the scoped client's`);
    this.name = 'CrossTenantWriteError';
  }
}

/**
 * Rewrites one operation's arguments so that it can only see and write
 * `tenantId`'s rows: filters are pinned to the tenant (whatever the caller
 * passed), and written data that names another tenant is refused.
 * `field` is tenantId for tenant-owned models and id for the Tenant table itself.
 */
export function scopeArgs(field: 'tenantId' | 'id', operation: string, args: Args, tenantId: string): Args {
  const pinWhere = (where: Record<string, unknown> | undefined) => ({ ...where, [field]: tenantId });
  const checkData = (data: Record<string, unknown> | undefined) => {
    const named = data?.[field];
    if (named !== undefined && named !== tenantId) throw new CrossTenantWriteError(operation);
    return { ...data, [field]: tenantId };
  };
  const scoped: Args = { ...args };

  if (READS_AND_WRITES_BY_WHERE.has(operation)) {
    scoped.where = pinWhere(args.where);
    if (args.data && !Array.isArray(args.data) && field in args.data) scoped.data = checkData(args.data);
    return scoped;
  }
  if (field === 'id') throw new Error(`A tenant-scoped client cannot ${operation} tenants`);
  if (CREATES.has(operation)) {
    scoped.data = Array.isArray(args.data) ? args.data.map(checkData) : checkData(args.data);
    return scoped;
  }
  if (operation === 'upsert') {
    scoped.where = pinWhere(args.where);
    scoped.create = checkData(args.create);
    if (args.update && field in args.update) scoped.update = checkData(args.update);
    return scoped;
  }
  throw new Error(`Operation ${operation} is not supported on a tenant-scoped client`);
}

function buildTenantDb(tenantId: string) {
  return rootClient().$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          // Inside a tenant's client the Tenant table shows only that tenant's own row.
          const field = tenantOwned.has(model) ? 'tenantId' : model === 'Tenant' ? 'id' : null;
          if (!field) return query(args);
          return query(scopeArgs(field, operation, args as Args, tenantId));
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof buildTenantDb>;

// One extended client per tenant and process; $extends is cheap but not free,
// and a SCIM cycle calls this for every request.
const cache = new Map<string, TenantDb>();
const CACHE_LIMIT = 1_000;

export function tenantDb(tenantId: string): TenantDb {
  let db = cache.get(tenantId);
  if (!db) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    db = buildTenantDb(tenantId);
    cache.set(tenantId, db);
  }
  return db;
}
