import { ENTERPRISE, managerOf, membersPatch, newGroupBody, newUserBody, patchBody, userDifferences } from './entra-resources';
import type { ScimSession } from './scim-session';
import type { SourceDirectory, SourceGroup, SourceUser } from './source-directory';

// One object at a time, as Entra's provisioning engine does it: look the
// object up by its matching attribute, then create, update or delete it. Every
// step tolerates its own earlier attempt having landed unseen (a lost answer,
// a killed server): a create that meets 409 looks again, a delete that meets
// 404 is done. That is how a cycle converges across faults.

type Resource = Record<string, unknown>;

/** What Entra caches between cycles: the tenant's id for each source object. */
export interface TargetIds {
  users: Map<number, string>;
  groups: Map<number, string>;
  /** The manager each user had when last read, so that the manager pass only sends changes. */
  managers: Map<number, string | null>;
}

const newTargetIds = (): TargetIds => ({ users: new Map(), groups: new Map(), managers: new Map() });

const first = (answer: { body: Resource | null }): Resource | null => ((answer.body?.Resources as Resource[] | undefined) ?? [])[0] ?? null;
const filterQuery = (attribute: string, value: string) => `filter=${encodeURIComponent(`${attribute} eq "${value}"`)}`;

export class Provisioner {
  constructor(
    private readonly session: ScimSession,
    private readonly source: SourceDirectory,
    readonly ids: TargetIds = newTargetIds(),
    private readonly memberBatch = 50,
  ) {}

  private async findUser(user: SourceUser): Promise<Resource | null> {
    return first(await this.session.send('GET', `/Users?${filterQuery('userName', user.userName)}`));
  }

  private async findGroup(group: SourceGroup): Promise<Resource | null> {
    return first(await this.session.send('GET', `/Groups?excludedAttributes=members&${filterQuery('displayName', group.displayName)}`));
  }

  /** The tenant's id of the user's manager in the source (undefined when the manager is not provisioned). */
  private wantedManager(user: SourceUser): string | null | undefined {
    return user.managerKey === null ? null : this.ids.users.get(user.managerKey);
  }

  /**
   * Brings one user in line with the source. The initial cycle leaves the
   * manager to a second pass (the manager may not exist yet); later cycles
   * include it.
   */
  async syncUser(user: SourceUser, withManager: boolean): Promise<void> {
    let resource = await this.findUser(user);
    if (user.deleted) {
      if (resource) await this.session.send('DELETE', `/Users/${resource.id}`, undefined, [404]);
      this.ids.users.delete(user.key);
      return;
    }
    if (!resource) {
      const created = await this.session.send('POST', '/Users', newUserBody(user), [409]);
      resource = created.status === 201 ? created.body : created.status === 409 ? await this.findUser(user) : null;
      if (!resource) return; // counted as an error by the session
    }
    const id = String(resource.id);
    this.ids.users.set(user.key, id);
    this.ids.managers.set(user.key, managerOf(resource));
    const manager = withManager ? this.wantedManager(user) : undefined;
    const ops = userDifferences(resource, user, manager);
    if (ops.length === 0) return;
    const patched = await this.session.send('PATCH', `/Users/${id}`, patchBody(ops));
    if (patched.status === 200 && patched.body) this.ids.managers.set(user.key, managerOf(patched.body));
  }

  /** The initial cycle's second pass: links each user to their manager once both exist. */
  async linkManager(user: SourceUser): Promise<void> {
    const id = this.ids.users.get(user.key);
    const manager = this.wantedManager(user);
    if (!id || manager === undefined || this.ids.managers.get(user.key) === manager) return;
    const op = manager === null ? { op: 'Remove', path: `${ENTERPRISE}:manager` } : { op: 'Add', path: `${ENTERPRISE}:manager`, value: manager };
    const patched = await this.session.send('PATCH', `/Users/${id}`, patchBody([op]));
    if (patched.status === 200) this.ids.managers.set(user.key, manager);
  }

  /** Creates the group empty when missing (as Entra does), then brings its members in line. */
  async syncGroup(group: SourceGroup): Promise<void> {
    let resource = await this.findGroup(group);
    let current = new Set<string>();
    if (!resource) {
      const created = await this.session.send('POST', '/Groups', newGroupBody(group), [409]);
      resource = created.status === 201 ? created.body : created.status === 409 ? await this.findGroup(group) : null;
      if (!resource) return;
    }
    const id = String(resource.id);
    this.ids.groups.set(group.key, id);
    if (resource.members === undefined) {
      // Found or created a moment ago by an attempt we did not see: read who is in it.
      const full = await this.session.send('GET', `/Groups/${id}`);
      current = new Set(((full.body?.members as Resource[] | undefined) ?? []).map((m) => String(m.value)));
    }
    const wanted = new Set([...group.members].map((key) => this.ids.users.get(key)).filter((v): v is string => v !== undefined));
    await this.changeMembers(
      group,
      [...wanted].filter((m) => !current.has(m)),
      [...current].filter((m) => !wanted.has(m)),
    );
  }

  /** Adds and removes members by the tenant's ids, in Entra-sized batches. */
  async changeMembers(group: SourceGroup, add: readonly string[], remove: readonly string[]): Promise<void> {
    const id = this.ids.groups.get(group.key);
    if (!id) return;
    for (const [op, list] of [
      ['Add', add],
      ['Remove', remove],
    ] as const) {
      for (let i = 0; i < list.length; i += this.memberBatch) {
        await this.session.send('PATCH', `/Groups/${id}`, membersPatch(op, list.slice(i, i + this.memberBatch)));
      }
    }
  }

  async renameGroup(group: SourceGroup): Promise<void> {
    const id = this.ids.groups.get(group.key);
    if (id) await this.session.send('PATCH', `/Groups/${id}`, patchBody([{ op: 'Replace', path: 'displayName', value: group.displayName }]));
  }

  /** The tenant's ids for a set of source users (those provisioned). */
  userIds(keys: Iterable<number>): string[] {
    return [...keys].map((key) => this.ids.users.get(key)).filter((v): v is string => v !== undefined);
  }
}
