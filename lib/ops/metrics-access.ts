import { createHash, timingSafeEqual } from 'node:crypto';

// Who may read /api/metrics: whoever presents METRICS_TOKEN as a bearer token.
// The metrics name tenants and show load, so they are not public.

export type MetricsAccess = 'no-endpoint' | 'refused' | 'granted';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Compared as hashes in constant time: equal lengths for timingSafeEqual, and no timing clue to the token. */
export function metricsAccess(authorization: string | undefined, metricsToken: string | undefined): MetricsAccess {
  if (!metricsToken) return 'no-endpoint';
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!presented) return 'refused';
  return timingSafeEqual(sha256(presented), sha256(metricsToken)) ? 'granted' : 'refused';
}
