import { rootClient } from './client';
import { Prisma, type PrismaClient } from './generated/client';

// Tenant isolation lives here and nowhere else. tenantDb(tenantId) is a Prisma
// client whose every query on a tenant-owned model is pinned to that tenant:
// filters get `tenantId` (overriding whatever the caller wrote), writes that
// name another tenant are refused, and nested relation writes are refused so
// that nothing reaches around the pin. Creates name tenantId because Prisma's
// types require it. Relations join on composite (tenantId, id) keys, so
// `include` stays within the tenant too. Raw SQL is not offered at all.

/** Models that carry tenantId. A model added to the schema must be listed here (a test checks). */
export const TENANT_OWNED_MODELS = [
  'User',
  'Group',
  'GroupMember',
  'ServiceAccount',
  'ApiToken',
  'WikiPage',
  'PageRevision',
  'PageMention',
  'AuditEvent',
  'Session',
  'UserSearchText',
  'StoredFile',
  'PersonPhoto',
  'ProvisioningHour',
  'Alert',
  'Notification',
  'WikiFile',
  'PageComment',
  'PageTemplate',
] as const;

const tenantOwned = new Set<string>(TENANT_OWNED_MODELS);

/** Column names per model; a written key that is not one is a relation (a nested write). */
const SCALAR_FIELDS: Record<string, ReadonlySet<string>> = {
  Tenant: new Set(Object.values(Prisma.TenantScalarFieldEnum)),
  User: new Set(Object.values(Prisma.UserScalarFieldEnum)),
  Group: new Set(Object.values(Prisma.GroupScalarFieldEnum)),
  GroupMember: new Set(Object.values(Prisma.GroupMemberScalarFieldEnum)),
  ServiceAccount: new Set(Object.values(Prisma.ServiceAccountScalarFieldEnum)),
  ApiToken: new Set(Object.values(Prisma.ApiTokenScalarFieldEnum)),
  WikiPage: new Set(Object.values(Prisma.WikiPageScalarFieldEnum)),
  PageRevision: new Set(Object.values(Prisma.PageRevisionScalarFieldEnum)),
  PageMention: new Set(Object.values(Prisma.PageMentionScalarFieldEnum)),
  AuditEvent: new Set(Object.values(Prisma.AuditEventScalarFieldEnum)),
  Session: new Set(Object.values(Prisma.SessionScalarFieldEnum)),
  UserSearchText: new Set(Object.values(Prisma.UserSearchTextScalarFieldEnum)),
  StoredFile: new Set(Object.values(Prisma.StoredFileScalarFieldEnum)),
  PersonPhoto: new Set(Object.values(Prisma.PersonPhotoScalarFieldEnum)),
  ProvisioningHour: new Set(Object.values(Prisma.ProvisioningHourScalarFieldEnum)),
  Alert: new Set(Object.values(Prisma.AlertScalarFieldEnum)),
  Notification: new Set(Object.values(Prisma.NotificationScalarFieldEnum)),
  WikiFile: new Set(Object.values(Prisma.WikiFileScalarFieldEnum)),
  PageComment: new Set(Object.values(Prisma.PageCommentScalarFieldEnum)),
  PageTemplate: new Set(Object.values(Prisma.PageTemplateScalarFieldEnum)),
};

type Data = Record<string, unknown>;
type Args = Data & { where?: Data; data?: Data | Data[]; create?: Data; update?: Data };

const READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy']);
const WRITES_BY_WHERE = new Set(['update', 'updateMany', 'updateManyAndReturn', 'delete', 'deleteMany']);
const CREATES = new Set(['create', 'createMany', 'createManyAndReturn']);

export class TenantScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantScopeError';
  }
}

/** Rewrites one operation's arguments so that it can only see and write `tenantId`'s rows. */
function scopeArgs(model: string, operation: string, args: Args, tenantId: string): Args {
  // The Tenant table is readable (one's own row) but never written through a tenant's client.
  const field = model === 'Tenant' ? 'id' : 'tenantId';
  const pinWhere = (where: Data | undefined): Data => ({ ...where, [field]: tenantId });
  const checkData = (data: Data | undefined): Data => {
    for (const key of Object.keys(data ?? {})) {
      if (!SCALAR_FIELDS[model].has(key)) {
        throw new TenantScopeError(`Refused ${model}.${operation}: nested write through "${key}"; set the foreign key column instead`);
      }
    }
    const named = data?.[field];
    if (named !== undefined && named !== tenantId) {
      throw new TenantScopeError(`Refused ${model}.${operation}: the data names another tenant`);
    }
    return { ...data, [field]: tenantId };
  };

  if (READS.has(operation)) return { ...args, where: pinWhere(args.where) };
  if (model === 'Tenant') throw new TenantScopeError(`Refused Tenant.${operation}: a tenant's client cannot change tenants`);
  if (WRITES_BY_WHERE.has(operation)) {
    return { ...args, where: pinWhere(args.where), ...(args.data ? { data: checkData(args.data as Data) } : {}) };
  }
  if (CREATES.has(operation)) {
    return { ...args, data: Array.isArray(args.data) ? args.data.map(checkData) : checkData(args.data) };
  }
  if (operation === 'upsert') {
    return { ...args, where: pinWhere(args.where), create: checkData(args.create), update: checkData(args.update) };
  }
  throw new TenantScopeError(`Refused ${model}.${operation}: not supported on a tenant-scoped client`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id in this schema is a uuid; anything else can be answered "not found" without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function buildTenantDb(root: PrismaClient, tenantId: string) {
  return root.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (!tenantOwned.has(model) && model !== 'Tenant') {
            throw new TenantScopeError(`Model ${model} is neither the Tenant table nor listed in TENANT_OWNED_MODELS`);
          }
          return query(scopeArgs(model, operation, args as Args, tenantId));
        },
      },
    },
  });
}

type RawAccess = '$queryRaw' | '$queryRawUnsafe' | '$executeRaw' | '$executeRawUnsafe' | '$extends';
export type TenantDb = Omit<ReturnType<typeof buildTenantDb>, RawAccess>;
/** The client inside `tenantDb(id).$transaction(async (tx) => …)`. */
export type TenantTx = Parameters<Parameters<TenantDb['$transaction']>[0]>[0];

// One extended client per tenant and root client ($extends is cheap but not
// free, and a SCIM cycle asks for one on every request). Keyed by the root
// client, so that a reconnect never hands out a client of a closed pool.
const caches = new WeakMap<PrismaClient, Map<string, TenantDb>>();
const CACHE_LIMIT = 1_000;

export function tenantDb(tenantId: string): TenantDb {
  // An undefined or malformed id would otherwise read as "no filter at all".
  if (typeof tenantId !== 'string' || !isUuid(tenantId)) {
    throw new TenantScopeError(`tenantDb needs a tenant id, got ${JSON.stringify(tenantId)}`);
  }
  const root = rootClient();
  let cache = caches.get(root);
  if (!cache) caches.set(root, (cache = new Map()));
  let db = cache.get(tenantId);
  if (!db) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    db = buildTenantDb(root, tenantId);
    cache.set(tenantId, db);
  }
  return db;
}
