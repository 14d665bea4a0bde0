import pg from 'pg';

// Creating and dropping whole databases on a PostgreSQL server: for the test
// harness, the browser tests' server and the benchmarks, which each work on a
// throwaway database of their own.

/** The same server URL with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const NAME = /^[a-z0-9_]+$/;

/** Creates `name` (empty, or a copy of `template`) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  if (!NAME.test(name) || (template && !NAME.test(template))) throw new Error(`Unsafe database name: ${name}`);
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`Unsafe database name: ${name}`);
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Drops every database whose name starts with `prefix` (leftovers of a crashed run). */
export async function dropDatabasesLike(serverUrl: string, prefix: string): Promise<void> {
  const { rows } = await adminQuery(serverUrl, 'SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
  for (const row of rows) await dropDatabase(serverUrl, row.datname);
}
