import pg from 'pg';

/** Every database a test file creates starts with this, so a crashed run's leftovers can be found. */
export const TEST_DATABASE_PREFIX = 'orgwiki_t_';

const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL, else
 * DATABASE_URL, else a local server on 127.0.0.1:5432 if one answers.
 * Null means none (or TEST_DATABASE_URL=embedded): tests then use the embedded database.
 */
export async function findPostgresServer(): Promise<string | null> {
  if (process.env.TEST_DATABASE_URL === 'embedded') return null;
  const configured = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const candidate = configured ?? LOCAL_SERVER;
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return candidate;
  } catch (error) {
    if (configured) throw new Error(`The configured test database ${configured} does not answer: ${(error as Error).message}`);
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}
