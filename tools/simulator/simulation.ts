import { findDifferences, readFromDatabase, readOverScim } from './compare';
import { Provisioner } from './provision';
import { applyRandomChanges, type ChangeSet } from './random-changes';
import { forEachConcurrent, percentile, ScimSession, type SessionOptions, type SessionStats } from './scim-session';
import { generateSourceDirectory, type SourceDirectory } from './source-directory';

// An Entra-like provisioning run against one tenant: the initial cycle
// (users, then managers, then groups and their members), incremental cycles
// of random changes, and the comparison of the tenant with the source. Fault
// tests drive the same object and break things while it runs.

export interface SimulationOptions extends SessionOptions {
  users: number;
  groups: number;
  averageMembers: number;
  seed?: number;
  /** Members per group PATCH. */
  memberBatch?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface PhaseFigures {
  phase: string;
  seconds: number;
  stats: SessionStats;
}

export interface Comparison {
  overScim: string[];
  /** Null when the simulator was given no database to read. */
  inDatabase: string[] | null;
}

export class EntraSimulation {
  readonly source: SourceDirectory;
  readonly session: ScimSession;
  readonly provisioner: Provisioner;
  readonly phases: PhaseFigures[] = [];

  constructor(private readonly options: SimulationOptions) {
    this.source = generateSourceDirectory({ users: options.users, groups: options.groups, averageMembers: options.averageMembers, seed: options.seed });
    this.session = new ScimSession(options);
    this.provisioner = new Provisioner(this.session, this.source, undefined, options.memberBatch);
  }

  /** Requests answered so far in the running phase (fault tests wait on this). */
  get requestsInPhase(): number {
    return this.session.stats.requests;
  }

  private async phase<T>(name: string, items: readonly T[], work: (item: T) => Promise<void>): Promise<PhaseFigures> {
    this.session.takeStats();
    const started = performance.now();
    let done = 0;
    this.options.onProgress?.(name, 0, items.length);
    await forEachConcurrent(items, this.options.concurrency, async (item) => {
      await work(item);
      this.options.onProgress?.(name, ++done, items.length);
    });
    const figures = { phase: name, seconds: (performance.now() - started) / 1000, stats: this.session.takeStats() };
    figures.stats.latencies.sort((a, b) => a - b);
    this.phases.push(figures);
    return figures;
  }

  /** Entra's first cycle: every user (matched by userName), then managers, then groups created empty and filled. */
  async initialCycle(): Promise<PhaseFigures[]> {
    const live = this.source.users.filter((u) => !u.deleted);
    return [
      await this.phase('initial: users', live, (u) => this.provisioner.syncUser(u, false)),
      await this.phase('initial: managers', live, (u) => this.provisioner.linkManager(u)),
      await this.phase('initial: groups', this.source.groups, (g) => this.provisioner.syncGroup(g)),
    ];
  }

  /** Applies `count` random changes to the source, then sends them as Entra's next cycle would. */
  async incrementalCycle(count: number, label = 'incremental'): Promise<{ figures: PhaseFigures; changes: ChangeSet }> {
    const changes = applyRandomChanges(this.source, count);
    type Item = { user: number } | { group: number };
    const items: Item[] = [
      ...[...changes.users].map((user) => ({ user })),
      ...[...new Set([...changes.members.keys(), ...changes.renamedGroups])].map((group) => ({ group })),
    ];
    const figures = await this.phase(`${label}: ${count.toLocaleString('en')} changes`, items, async (item) => {
      if ('user' in item) return this.provisioner.syncUser(this.source.users[item.user], true);
      const group = this.source.groups[item.group];
      if (changes.renamedGroups.has(group.key)) await this.provisioner.renameGroup(group);
      const delta = changes.members.get(group.key);
      if (delta) await this.provisioner.changeMembers(group, this.provisioner.userIds(delta.add), this.provisioner.userIds(delta.remove));
    });
    return { figures, changes };
  }

  /** The tenant compared with the source, over SCIM and (given its id) in the database. */
  async compare(tenantId?: string): Promise<Comparison> {
    this.session.takeStats();
    const overScim = findDifferences(this.source, await readOverScim(this.session));
    const inDatabase = tenantId ? findDifferences(this.source, await readFromDatabase(tenantId)) : null;
    this.session.takeStats();
    return { overScim, inDatabase };
  }

  close(): void {
    this.session.close();
  }
}

/** The figures of a phase as table cells: requests, req/s, p50, p99, retries, 5xx answers, errors, seconds. */
export function phaseCells(figures: PhaseFigures): string[] {
  const { stats, seconds } = figures;
  return [
    figures.phase,
    stats.requests.toLocaleString('en'),
    (stats.requests / seconds).toFixed(0),
    percentile(stats.latencies, 50).toFixed(1),
    percentile(stats.latencies, 99).toFixed(1),
    String(stats.retries),
    String([...stats.byStatus].reduce((sum, [status, n]) => sum + (Number(status) >= 500 ? n : 0), 0)),
    String(stats.errors),
    seconds.toFixed(1),
  ];
}
