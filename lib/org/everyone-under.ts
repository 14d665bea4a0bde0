import { latestOrgChange, listActiveEdges, tenantSql } from '../db';
import { countEveryoneUnder } from './count-everyone-under';

// Why a cached snapshot: a recursive CTE that walks a manager's subtree costs
// one index probe per person under them. At the top of a 100,000-person
// tenant that is the whole tenant: EXPLAIN ANALYZE measured 560-600 ms for
// one expansion of the CEO (the target is 150 ms). Reading who reports to whom
// for the whole tenant and counting in memory takes about as long once
// (~90 ms for the scan, plus the count), and then every expansion is a lookup.
//
// A snapshot stays in use while the tenant's newest provisioning-log entry is
// the one it was built after (one index lookup per request: every SCIM change
// to a person logs in the same statement) and for at most MAX_AGE_MS, which
// bounds the lag of any change made outside SCIM. People who joined since the
// snapshot are simply counted as having no one under them until the next one.
// Concurrent requests for a stale tenant share one rebuild.

const MAX_AGE_MS = 60_000;
const MAX_TENANTS = 50;

interface Snapshot {
  counts: Map<string, number>;
  change: string | null;
  builtAt: number;
}

const snapshots = new Map<string, Promise<Snapshot>>();

async function build(tenantId: string, change: string | null): Promise<Snapshot> {
  const builtAt = Date.now();
  const edges = await listActiveEdges(tenantSql(tenantId));
  return { counts: countEveryoneUnder(edges), change, builtAt };
}

async function currentSnapshot(tenantId: string): Promise<Snapshot> {
  const change = await latestOrgChange(tenantSql(tenantId));
  const cached = snapshots.get(tenantId);
  if (cached) {
    const snapshot = await cached.catch(() => null);
    if (snapshot && snapshot.change === change && Date.now() - snapshot.builtAt < MAX_AGE_MS) return snapshot;
    // Another request may have started a newer rebuild while this one waited.
    const latest = snapshots.get(tenantId);
    if (latest && latest !== cached) return latest;
  }
  const rebuilt = build(tenantId, change);
  snapshots.delete(tenantId); // re-inserted last: the map's order is least recently built first
  snapshots.set(tenantId, rebuilt);
  if (snapshots.size > MAX_TENANTS) snapshots.delete(snapshots.keys().next().value as string);
  rebuilt.catch(() => snapshots.get(tenantId) === rebuilt && snapshots.delete(tenantId));
  return rebuilt;
}

/** How many active people are under each of `ids` (0 for anyone the snapshot does not know yet). */
export async function everyoneUnder(tenantId: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { counts } = await currentSnapshot(tenantId);
  return new Map(ids.map((id) => [id, counts.get(id) ?? 0]));
}
