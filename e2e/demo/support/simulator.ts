import type { Exit } from './child';
import type { EmbeddedDb } from './newcomer-env';
import { startTool } from './tools';

// `npm run simulate:entra -- --url … --token … --users N` (tools/cli/simulate-entra.ts)
// against the running demo: Entra's first provisioning cycle and an
// incremental one, then a comparison of the tenant with the source directory
// over SCIM; it exits 1 when they differ.

export interface SimulatorRun extends Exit {
  output: string;
  /** Why the run was stopped before its end, or null when it ran to its end. */
  stoppedBecause: string | null;
}

/**
 * Runs the simulator; stops it early when `shouldStop` answers a reason (the
 * simulator retries a 5xx for up to two minutes a request, so a broken server
 * would otherwise keep it busy for an hour) or after `withinMs`.
 */
export async function simulateEntra(
  target: { tenantUrl: string; token: string; users: number },
  db: EmbeddedDb,
  options: { withinMs: number; shouldStop: () => string | null },
): Promise<SimulatorRun> {
  const { child, exited } = startTool('tools/cli/simulate-entra.ts', ['--url', target.tenantUrl, '--token', target.token, '--users', String(target.users)], db);
  const until = Date.now() + options.withinMs;
  let stoppedBecause: string | null = null;
  while (child.running && !stoppedBecause) {
    stoppedBecause = options.shouldStop() ?? (Date.now() > until ? `still running after ${options.withinMs / 60_000} min` : null);
    if (!stoppedBecause) await new Promise((r) => setTimeout(r, 500));
  }
  if (stoppedBecause) await child.kill();
  return { ...(await exited), output: child.output(), stoppedBecause };
}
