import net from 'node:net';
import path from 'node:path';
import { getConfig } from '../config';
import { startEmbeddedDatabase } from '../db/embedded';
import { migrate, type MigrateResult } from '../db/migrate';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  migration: MigrateResult;
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
 * else the embedded one (data under EMBEDDED_DB_DIR). Either way it is migrated
 * before anything uses it, and DATABASE_URL is set for this process and its children.
 */
export async function openDatabase(log: (line: string) => void = console.log): Promise<OpenDatabase> {
  const config = getConfig();
  let url = config.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url && (await isListening(config.EMBEDDED_DB_PORT))) {
    // A demo server already runs the embedded database: share it rather than
    // open the same data folder twice.
    url = `postgresql://postgres@127.0.0.1:${config.EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
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
  const migration = await migrate(url, { log: (line) => log(`migrate: ${line}`) });
  return { url, embedded, migration, stop };
}
