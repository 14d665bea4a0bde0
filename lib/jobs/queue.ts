import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { isDatabaseUnavailable, isSerializationFailure, jobDb, whileLocked } from '../db';
import { log } from '../log/log';

// The durable job queue: pg-boss on our PostgreSQL. Jobs are rows, so they
// survive a restart; a worker takes one with SELECT … FOR UPDATE SKIP LOCKED,
// so each runs once across every instance; a failed job is retried with
// backoff. Every server process works the queues (lib/server/main.ts); other
// processes (tests, the CLI) may run a job's function directly instead.
// pg-boss over graphile-worker: it runs on Node 20 in a maintained release,
// and needs three small dependencies. Its "short" policy keeps one queued job
// per key; a job that must not run twice at once takes a lock of its own
// (whileLocked in lib/db): pg-boss's stately policy would make a second
// instance's fetch fail on the running job's key.

// On globalThis: the server's own modules start the queue, and Next's compiled
// pages and actions (a second copy of this module) send to the same one.
interface JobsState {
  boss: PgBoss | null;
  /** The start under way, which keeps trying until the database answers or the queue is stopped. */
  starting: Promise<void> | null;
  stopping: AbortController;
}
const shared = globalThis as unknown as { orgwikiJobs?: JobsState };
const jobs = (shared.orgwikiJobs ??= { boss: null, starting: null, stopping: new AbortController() });

export interface QueueDefinition {
  name: string;
  /** At most one job queued per key (pg-boss's "short" policy); keyless jobs, one per queue. */
  onceQueued?: boolean;
  /** A cron expression: pg-boss sends the job on it, once across instances, and each instance once as it starts. */
  cron?: string;
  /** `data` is what the job was sent with, from the database: parse it. */
  work: (data: unknown, signal: AbortSignal) => Promise<void>;
}

/** What pg-boss's own loops meet and simply try again on their next turn: the database away, or a deadlock PostgreSQL broke. */
const passing = (error: unknown) => isDatabaseUnavailable(error) || isSerializationFailure(error);

/** Pauses between attempts to start while the database does not answer: 1, 2, 4 … seconds, at most 30. */
const startPauseMs = (attempt: number) => Math.min(30_000, 1_000 * 2 ** Math.min(attempt - 1, 5));

/**
 * Starts the queue and its workers in this process, in the background: a
 * server may start before its database (a restart of both, a failover), and
 * serves its pages meanwhile. Until the database answers, it tries again with
 * growing pauses; stopJobs ends the trying.
 */
export function startJobs(queues: QueueDefinition[]): void {
  jobs.starting ??= keepStarting(queues);
}

async function keepStarting(queues: QueueDefinition[]): Promise<void> {
  const { signal } = jobs.stopping;
  for (let attempt = 1; !signal.aborted; attempt++) {
    const boss = new PgBoss({ db: jobDb, schema: 'pgboss', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInMinutes: 15 });
    boss.on('error', (error) => (passing(error) ? log.warn({ err: error }, 'jobs: queue paused') : log.error({ err: error }, 'jobs: queue error')));
    try {
      // One instance at a time: instances starting together would create the same queues at once and deadlock.
      await whileLocked('jobs.start', () => startQueues(boss, queues), { wait: true });
    } catch (error) {
      // A start that failed part-way leaves nothing running (a boss that never started ignores stop).
      await boss.stop({ graceful: false, close: false }).catch(() => {});
      const retryInMs = startPauseMs(attempt);
      if (passing(error)) log.warn({ err: error, retryInMs }, 'jobs: cannot start while the database is unavailable');
      else log.error({ err: error, retryInMs }, 'jobs: cannot start');
      await sleep(retryInMs, undefined, { signal }).catch(() => {});
      continue;
    }
    jobs.boss = boss;
    log.info({ queues: queues.map((q) => q.name) }, 'jobs: working');
    // A restarted server does not wait for the schedule's next turn; a send that fails waits for it.
    for (const queue of queues) {
      if (queue.cron) await sendJob(queue.name, {}).catch((error: unknown) => log.warn({ err: error, queue: queue.name }, 'jobs: not sent at start'));
    }
    return;
  }
}

async function startQueues(boss: PgBoss, queues: QueueDefinition[]): Promise<void> {
  await boss.start();
  for (const queue of queues) {
    await boss.createQueue(queue.name, { name: queue.name, policy: queue.onceQueued ? 'short' : 'standard' });
    await boss.work<object>(queue.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
      await queue.work(job.data, jobs.stopping.signal);
    });
    if (queue.cron) await boss.schedule(queue.name, queue.cron);
  }
}

/** Queues a job, or does nothing where this process runs no queue (its next scheduled round picks the work up). */
export async function sendJob(name: string, data: object, options: { key?: string; delaySeconds?: number } = {}): Promise<void> {
  if (!jobs.boss || jobs.stopping.signal.aborted) return;
  await jobs.boss.send(name, data, { singletonKey: options.key, startAfter: options.delaySeconds });
}

/** Ends a start still trying, lets running jobs see they should stop, and waits for them (a stopped job is picked up again by the next instance). */
export async function stopJobs(): Promise<void> {
  jobs.stopping.abort();
  await jobs.starting;
  await jobs.boss?.stop({ graceful: true, wait: true, timeout: 8_000, close: false });
  jobs.boss = null;
}
