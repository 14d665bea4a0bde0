import { tenantSql, type TenantSql } from '../../lib/db';
import type { ScimContext } from '../../lib/scim/scim-context';
import { createTenant } from '../../lib/tenancy/create-tenant';

/**
 * A new tenant and the context a SCIM endpoint would get for it, for tests that
 * call the SCIM services directly. `headers` are the request's (e.g. If-Match).
 */
export async function scimContext(
  subdomain = 'acme',
  options: { headers?: Record<string, string>; sql?: (sql: TenantSql) => TenantSql } = {},
): Promise<ScimContext> {
  const tenant = await createTenant({ subdomain, displayName: subdomain });
  const headers = new Map(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const sql = tenantSql(tenant.id);
  return {
    tenant,
    sql: options.sql ? options.sql(sql) : sql,
    request: {
      method: 'PATCH',
      url: new URL('http://scim.internal/Users'),
      header: (name: string) => headers.get(name.toLowerCase()) ?? null,
      body: null,
      aborted: () => false,
    },
    baseUrl: `http://${subdomain}.localhost/api/v2/scim/v2`,
    params: {},
    actor: { type: 'service_account', id: 'test', label: 'test', ip: null },
  } as unknown as ScimContext;
}
