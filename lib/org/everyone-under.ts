import { latestOrgChange, listActiveEdges, tenantSql } from '../db';
import { countEveryoneUnder, type HeadCounts } from './count-everyone-under';

// Why a snapshot: a recursive CTE that walks a manager's subtree costs one
// index probe per person under them. At the top of a 100,000-person tenant
// that is the whole tenant: EXPLAIN ANALYZE measured 560-600 ms for one
// expansion of the CEO (the target is 150 ms), and opening the chart walks the
// top twice (the roots and the CEO's reports). Reading who reports to whom for
// the whole tenant (one scan, ~90 ms at 100,000) and counting in memory costs
// about as much once; then every expansion is a lookup.
//
// Fresh enough: a snapshot is rebuilt when the tenant's newest provisioning-log
// entry is not the one it was built after (one index lookup per request: every
// SCIM change to a person logs in the same statement), and after MAX_AGE_MS
// whatever happened, which bounds the lag of any change made outside SCIM.
// A small tenant's rebuild is quick, so its requests wait for it. A big
// tenant's (judged by its size, not by a build's time, which a busy machine
// stretches) takes a few hundred milliseconds, so its requests answer from the
// previous snapshot meanwhile, and during a provisioning cycle (a change every
// few milliseconds) it is rebuilt at most every BIG_REBUILD_INTERVAL_MS.
// Someone who joined since the snapshot counts as having nobody under them.

const MAX_AGE_MS = 60_000;
/** Reporting lines (active people with a manager) from which a tenant counts as big: a rebuild reads them all. */
const BIG_TENANT_EDGES = 10_000;
const BIG_REBUILD_INTERVAL_MS = 5_000;
const MAX_TENANTS = 50;

interface Snapshot {
  counts: HeadCounts;
  change: string | null;
  builtAt: number;
  edges: number;
}

interface Entry {
  snapshot?: Snapshot;
  rebuilding?: Promise<Snapshot>;
}

const entries = new Map<string, Entry>();

async function build(tenantId: string, change: string | null): Promise<Snapshot> {
  const builtAt = Date.now();
  const edges = await listActiveEdges(tenantSql(tenantId));
  return { counts: countEveryoneUnder(edges), change, builtAt, edges: edges.length };
}

function entryOf(tenantId: string): Entry {
  let entry = entries.get(tenantId);
  if (!entry) {
    entry = {};
    entries.set(tenantId, entry);
    // Maps keep insertion order: the first key is the tenant that has gone longest without a first build.
    if (entries.size > MAX_TENANTS) entries.delete(entries.keys().next().value as string);
  }
  return entry;
}

async function currentSnapshot(tenantId: string): Promise<Snapshot> {
  const change = await latestOrgChange(tenantSql(tenantId));
  const entry = entryOf(tenantId);
  const { snapshot } = entry;
  const age = snapshot ? Date.now() - snapshot.builtAt : Infinity;
  if (snapshot && age < MAX_AGE_MS && snapshot.change === change) return snapshot;
  const big = !!snapshot && snapshot.edges >= BIG_TENANT_EDGES;
  if (big && age < BIG_REBUILD_INTERVAL_MS) return snapshot;
  if (!entry.rebuilding) {
    const rebuilding = build(tenantId, change).then((next) => (entry.snapshot = next));
    entry.rebuilding = rebuilding;
    rebuilding.then(
      () => (entry.rebuilding = undefined),
      () => (entry.rebuilding = undefined),
    );
  }
  return big ? snapshot : entry.rebuilding;
}

/** How many active people are under each of `ids` (0 for anyone the snapshot does not know yet). */
export async function everyoneUnder(tenantId: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { counts } = await currentSnapshot(tenantId);
  return new Map(ids.map((id) => [id, counts(id) ?? 0]));
}
