import { getConfig } from '../../lib/config';
import { embeddedDatabaseUrl, startEmbeddedDatabase, THROWAWAY_DATA_DIR } from '../../lib/db/embedded/start';
import { migrate, type MigrateResult } from '../../lib/db/migrate';
import { isListening } from '../../lib/ports';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** Null when the caller did not ask to migrate a configured server. */
  migration: MigrateResult | null;
  stop(): Promise<void>;
}

/**
 * The database for a command-line run: the server named by DATABASE_URL, or
 * else the embedded one (data under EMBEDDED_DB_DIR), whose DATABASE_URL is then
 * set for this process and its children. The embedded database is always
 * migrated (it is ours); a configured server only when `migrate` is asked for.
 */
export async function openDatabase(options: { migrate: boolean; log?: (line: string) => void }): Promise<OpenDatabase> {
  const log = options.log ?? console.log;
  const config = getConfig();
  let url = config.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url && (await isListening(config.EMBEDDED_DB_PORT))) {
    // A demo already runs the embedded database: connect to it, as any
    // client of a PostgreSQL server does, rather than open its files twice.
    url = embeddedDatabaseUrl(`127.0.0.1:${config.EMBEDDED_DB_PORT}`);
    process.env.DATABASE_URL = url;
  }
  if (!url) {
    const throwaway = config.EMBEDDED_DB_DIR.startsWith(THROWAWAY_DATA_DIR);
    const db = await startEmbeddedDatabase({ dataDir: config.EMBEDDED_DB_DIR, port: config.EMBEDDED_DB_PORT });
    log(`Embedded PostgreSQL at ${db.url.replace(/\?.*$/, '')}, ${throwaway ? 'throwaway data' : 'data'} in ${db.dataDir}`);
    url = db.url;
    stop = db.stop;
    process.env.DATABASE_URL = url;
  }
  if (!embedded && !options.migrate) return { url, embedded, migration: null, stop };
  try {
    const migration = await migrate(url, { log: (line) => log(`migrate: ${line}`) });
    return { url, embedded, migration, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
