import { unappliedMigrations } from '../db/migration-status';
import { log } from '../log/log';

// Whether this instance should get traffic (GET /api/ready, for the load
// balancer): not while it shuts down, not while the database does not answer,
// not on a database that lacks a migration this build relies on.

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Well inside a load balancer's usual probe timeout, even with the database gone. */
export const READINESS_TIMEOUT_MS = 2_000;

let draining = false;
let inFlight: Promise<Readiness> | null = null;
let lastReason: string | null = null;

/** From now on the instance answers "not ready", so that the load balancer stops sending while it drains. */
export function markDraining(): void {
  draining = true;
}

/** The query has its own timeout, but waiting for a connection to a database that is gone takes longer. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

// The reasons are public (any host answers /api/ready), so they name no host or
// driver message; the log says the rest when the instance stops being ready.
async function checkDatabase(): Promise<Readiness> {
  try {
    const missing = await withTimeout(unappliedMigrations(READINESS_TIMEOUT_MS), READINESS_TIMEOUT_MS);
    if (missing.length === 0) return { ready: true };
    if (lastReason === null) log.warn({ missing }, 'not ready: migrations not applied');
    return { ready: false, reason: `${missing.length} database migration(s) not applied` };
  } catch (error) {
    if (lastReason === null) log.warn({ err: error }, 'not ready: the database does not answer');
    return { ready: false, reason: 'the database does not answer' };
  }
}

export async function checkReadiness(): Promise<Readiness> {
  if (draining) return { ready: false, reason: 'shutting down' };
  // Probes from several load balancers share one database round trip.
  inFlight ??= checkDatabase().finally(() => {
    inFlight = null;
  });
  const readiness = await inFlight;
  const reason = readiness.ready ? null : readiness.reason;
  if (reason === null && lastReason !== null) log.info('ready again');
  lastReason = reason;
  return readiness;
}
