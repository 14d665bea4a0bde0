import net from 'node:net';
import path from 'node:path';
import { getConfig } from '../config';
import { embeddedDatabaseUrl, startEmbeddedDatabase } from '../db/embedded';
import { migrate, type MigrateResult } from '../db/migrate';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** Null when the caller did not ask to migrate a configured server. */
  migration: MigrateResult | null;
  stop(): Promise<void>;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
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
    // A demo server already runs the embedded database: share it rather than
    // open the same data folder twice.
    url = embeddedDatabaseUrl(`127.0.0.1:${config.EMBEDDED_DB_PORT}`);
    process.env.DATABASE_URL = url;
    process.env.DATABASE_POOL_SIZE = '1';
  }
  if (!url) {
    const dataDir = config.EMBEDDED_DB_DIR.startsWith('memory://') ? config.EMBEDDED_DB_DIR : path.resolve(config.EMBEDDED_DB_DIR);
    const db = await startEmbeddedDatabase({ dataDir, port: config.EMBEDDED_DB_PORT });
    log(`Embedded PostgreSQL (PGlite) at ${db.url.replace(/\?.*$/, '')}, data in ${dataDir}`);
    url = db.url;
    stop = db.stop;
    process.env.DATABASE_URL = url;
    process.env.DATABASE_POOL_SIZE = '1';
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
