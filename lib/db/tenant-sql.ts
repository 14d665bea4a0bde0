import { createHash } from 'node:crypto';
import type pg from 'pg';
import { pgPool } from './pool';
import { isUuid, TenantScopeError } from './tenant-db';

// Raw SQL pinned to one tenant, for the paths where Prisma's per-query cost
// matters: SCIM, where Entra sends thousands of requests a cycle and a Prisma
// query costs more CPU than the rest of the request. The rule is tenantDb's:
// $1 is the tenant id, bound here and never by the caller, and a statement that
// does not use $1 is refused. Every table a statement reads or writes must be
// filtered on "tenantId" = $1; the composite (tenantId, id) foreign keys stop a
// write from reaching another tenant's rows even where a join forgets it.

export interface TenantSql {
  readonly tenantId: string;
  /**
   * The rows of one statement; `params` are $2, $3, … `planEach`: plan it for
   * these values every time instead of preparing it once, for statements whose
   * best plan depends on the values (a generic plan for LIKE '%…%' on a trigram
   * index reads the whole table).
   */
  rows<R extends object>(text: string, params?: readonly unknown[], options?: { planEach?: boolean }): Promise<R[]>;
  /** Runs `work` in one transaction (a nested call joins the outer one). */
  transaction<T>(work: (tx: TenantSql) => Promise<T>): Promise<T>;
}

function checkPinned(text: string): void {
  if (!/\$1(?!\d)/.test(text)) throw new TenantScopeError(`Refused a statement that does not use the tenant id ($1): ${text.slice(0, 80)}`);
}

// Statements are prepared once per connection (PostgreSQL parses and plans
// them once), named after their text so that reloaded modules agree. SCIM
// filters make statements of many shapes, so only the first few hundred texts
// a process sees are prepared; the rest run unnamed, which is only slower.
const MAX_PREPARED = 300;
const names = new Map<string, string | null>();

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined) {
    checkPinned(text);
    name = names.size < MAX_PREPARED ? `owk_${createHash('sha1').update(text).digest('hex').slice(0, 20)}` : null;
    if (name || names.size < MAX_PREPARED * 10) names.set(text, name);
  }
  return name ?? undefined;
}

function bind(runner: pg.Pool | pg.PoolClient, tenantId: string, inTransaction: boolean): TenantSql {
  const sql: TenantSql = {
    tenantId,
    async rows<R extends object>(text: string, params: readonly unknown[] = [], options: { planEach?: boolean } = {}) {
      const name = options.planEach ? undefined : statementName(text);
      if (!name) checkPinned(text);
      const result = await runner.query<R>({ text, name, values: [tenantId, ...params] });
      return result.rows;
    },
    async transaction<T>(work: (tx: TenantSql) => Promise<T>): Promise<T> {
      if (inTransaction) return work(sql);
      const client = await pgPool().connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(bind(client, tenantId, true));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped rather than reused.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
  return sql;
}

/** Raw SQL for one tenant; see the rules above. */
export function tenantSql(tenantId: string): TenantSql {
  if (typeof tenantId !== 'string' || !isUuid(tenantId)) {
    throw new TenantScopeError(`tenantSql needs a tenant id, got ${JSON.stringify(tenantId)}`);
  }
  return bind(pgPool(), tenantId, false);
}
