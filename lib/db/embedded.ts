import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SESSION_SETTINGS } from './pool';

// The embedded database: PostgreSQL compiled to WebAssembly (PGlite), served over
// the PostgreSQL wire protocol on loopback, so that the app talks to it through
// exactly the same driver and SQL as to a real server. It lets a newcomer run the
// product with no database server; production always sets DATABASE_URL.

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** How a client reaches an embedded database listening at `hostAndPort`. */
export function embeddedDatabaseUrl(hostAndPort: string): string {
  return `postgresql://postgres@${hostAndPort}/postgres?sslmode=disable`;
}

/** `dataDir` is a folder (kept between runs) or `memory://` (gone when stopped). */
export async function startEmbeddedDatabase(options: { dataDir: string; port: number }): Promise<EmbeddedDatabase> {
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir, { extensions: { citext, pg_trgm } });
  // PGlite ignores a client's startup options; its one session is everyone's.
  for (const [name, value] of SESSION_SETTINGS) await db.query('SELECT set_config($1, $2, false)', [name, value]);
  // PGlite is a single session. The socket server keeps a transaction to the
  // connection that opened it, but interleaves other statements, so each process
  // uses one connection (DATABASE_POOL_SIZE=1) and a few processes may share it:
  // the server and an operator's CLI command. Fine for trying the product; a
  // deployment uses PostgreSQL.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port, maxConnections: 4 });
  await server.start();
  return {
    url: embeddedDatabaseUrl(server.getServerConn()),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
