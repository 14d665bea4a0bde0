import { randomBytes } from 'node:crypto';
import { startEmbeddedDatabase, THROWAWAY_DATA_DIR } from '../../lib/db/embedded/start';
import { createDatabase, dropDatabase } from '../../lib/db/server-admin';

/** A database of its own for a benchmark: on the server at DATABASE_URL, else an embedded one; gone after drop(). */
export async function withThrowawayDatabase(): Promise<{ url: string; kind: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const db = await startEmbeddedDatabase({ dataDir: THROWAWAY_DATA_DIR, port: 0 });
    return { url: db.url, kind: 'embedded PostgreSQL', drop: db.stop };
  }
  const name = `orgwiki_bench_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(server, name);
  return { url, kind: `PostgreSQL ${new URL(url).host}`, drop: () => dropDatabase(server, name) };
}
