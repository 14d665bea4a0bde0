import type { PoolClient } from 'pg';
import { pgPool } from './pool';

/**
 * The job queue's way into the database (pg-boss's `db` option): the
 * process's one pool, so that jobs and requests never hold more connections
 * between them than DATABASE_POOL_SIZE. pg-boss's own tables live in its
 * schema (`pgboss`), which it creates and migrates itself. Some of its
 * statements are BEGIN … COMMIT in one text: one that fails is rolled back
 * here, so that no connection goes back to the pool inside a failed transaction.
 */
export const jobDb = {
  async executeSql(text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
    const client = await checkOut();
    try {
      return await client.query(text, values);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.done();
    }
  },
};

/**
 * A connection of the pool, held outside it. The pool listens for a held
 * connection's errors only while it is idle: when the database goes away
 * (a restart, a failover) a held one would raise an uncaught exception. The
 * failure reaches whoever uses it through their query instead.
 */
async function checkOut(): Promise<PoolClient & { done(broken?: boolean): void }> {
  const client = await pgPool().connect();
  const ignore = () => {};
  client.on('error', ignore);
  return Object.assign(client, {
    done(broken = false) {
      client.removeListener('error', ignore);
      client.release(broken);
    },
  });
}

/**
 * Runs `work` while this process holds the advisory lock named `key`. Another
 * process (or job) holding it makes this answer null at once, or with `wait`,
 * wait for it. The lock is the session's, on a connection of its own: it goes
 * when the work ends, or with the connection if the process dies.
 */
export async function whileLocked<T>(key: string, work: () => Promise<T>, { wait = false } = {}): Promise<T | null> {
  const client = await checkOut();
  let locked = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      wait ? 'SELECT pg_advisory_lock(hashtextextended($1, 0)), true AS locked' : 'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [key],
    );
    locked = rows[0].locked;
    return locked ? await work() : null;
  } finally {
    // A connection that could not let go of the lock is closed rather than pooled with it.
    const unlocked =
      !locked ||
      (await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).then(
        () => true,
        () => false,
      ));
    client.done(!unlocked);
  }
}
