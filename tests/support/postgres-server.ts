import pg from 'pg';
import { startEmbeddedDatabase, THROWAWAY_DATA_DIR, type EmbeddedDatabase } from '../../lib/db/embedded/start';

/** Every database a test file creates starts with this, so a crashed run's leftovers can be found. */
export const TEST_DATABASE_PREFIX = 'orgwiki_t_';

const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** True when this run is on the embedded database: asked for, or no server answers. */
export async function onEmbeddedDatabase(): Promise<boolean> {
  return (await configuredOrLocalServer()) === null;
}

async function configuredOrLocalServer(): Promise<string | null> {
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

let embedded: Promise<EmbeddedDatabase> | undefined;

/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL, else
 * DATABASE_URL, else a local server on 127.0.0.1:5432 if one answers, else
 * (and always with TEST_DATABASE_URL=embedded) the product's embedded
 * PostgreSQL, started once for this process with throwaway data.
 */
export async function findPostgresServer(): Promise<string> {
  const server = await configuredOrLocalServer();
  if (server) return server;
  embedded ??= startEmbeddedDatabase({ dataDir: THROWAWAY_DATA_DIR, port: 0 });
  return (await embedded).url;
}

/** Stops the embedded server findPostgresServer() started, if it did (a process that dies without it stops it too: see lib/db/embedded/start.ts). */
export async function stopEmbeddedServer(): Promise<void> {
  const db = embedded;
  embedded = undefined;
  await (await db)?.stop();
}
