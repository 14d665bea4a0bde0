import { DEPARTMENTS, FAMILY_NAMES, OFFICES } from '../seed/company-data';
import { titleFor, type SourceDirectory, type SourceUser } from './source-directory';

// What happens in a company between two provisioning cycles, applied to the
// source directory: promotions, transfers, manager moves, leavers and
// returners, deletions, group membership changes and renames. The result says
// which objects changed, which is what Entra's incremental cycle sends.

type ChangeKind = 'title' | 'department' | 'manager' | 'deactivate' | 'reactivate' | 'delete' | 'rename user' | 'membership' | 'rename group';

const WEIGHTS: [ChangeKind, number][] = [
  ['title', 20],
  ['department', 12],
  ['manager', 15],
  ['deactivate', 8],
  ['reactivate', 5],
  ['delete', 5],
  ['rename user', 5],
  ['membership', 25],
  ['rename group', 5],
];

export interface ChangeSet {
  users: Set<number>;
  /** Per group: members (source keys) to add and to remove. */
  members: Map<number, { add: Set<number>; remove: Set<number> }>;
  renamedGroups: Set<number>;
  counts: Map<ChangeKind, number>;
}

export function applyRandomChanges(source: SourceDirectory, count: number): ChangeSet {
  const { random, users, groups } = source;
  const changes: ChangeSet = { users: new Set(), members: new Map(), renamedGroups: new Set(), counts: new Map() };
  const reports = new Array<number>(users.length).fill(0);
  for (const u of users) if (!u.deleted && u.managerKey !== null) reports[u.managerKey]++;
  const total = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const anyLive = (): SourceUser => {
    for (;;) {
      const user = random.pick(users);
      if (!user.deleted) return user;
    }
  };
  const memberDelta = (groupKey: number) => {
    let delta = changes.members.get(groupKey);
    if (!delta) changes.members.set(groupKey, (delta = { add: new Set(), remove: new Set() }));
    return delta;
  };
  const apply = (kind: ChangeKind): boolean => {
    const user = anyLive();
    switch (kind) {
      case 'title':
        user.title = `${titleFor(random, user.department, 9)} ${random.int(1, 3) === 1 ? 'II' : 'III'}`;
        break;
      case 'department':
        user.department = random.pick(DEPARTMENTS.filter((d) => d.name !== user.department)).name;
        user.office = random.pick(OFFICES).name;
        break;
      case 'manager': {
        // Only to someone earlier in the directory, so no loop can form.
        if (user.key < 2) return false;
        const manager = users[random.int(0, user.key - 1)];
        if (manager.deleted || manager.key === user.managerKey) return false;
        if (user.managerKey !== null) reports[user.managerKey]--;
        user.managerKey = manager.key;
        reports[manager.key]++;
        break;
      }
      case 'deactivate':
        if (!user.active) return false;
        user.active = false;
        break;
      case 'reactivate': {
        const former = users.find((u) => !u.deleted && !u.active && !changes.users.has(u.key));
        if (!former) return false;
        former.active = true;
        changes.users.add(former.key);
        return true;
      }
      case 'delete':
        // People with reports stay: Entra would first move their reports.
        if (reports[user.key] > 0 || user.key === 0) return false;
        user.deleted = true;
        if (user.managerKey !== null) reports[user.managerKey]--;
        // The tenant drops a deleted person's memberships itself.
        for (const group of groups) group.members.delete(user.key);
        for (const delta of changes.members.values()) {
          delta.add.delete(user.key);
          delta.remove.delete(user.key);
        }
        break;
      case 'rename user':
        user.familyName = random.pick(FAMILY_NAMES.filter((n) => n !== user.familyName));
        user.displayName = `${user.givenName} ${user.familyName}`;
        break;
      case 'membership': {
        if (groups.length === 0) return false;
        const group = random.pick(groups);
        const delta = memberDelta(group.key);
        const member = [...group.members][random.int(0, Math.max(0, group.members.size - 1))];
        if (member !== undefined && random.next() < 0.5) {
          group.members.delete(member);
          if (!delta.add.delete(member)) delta.remove.add(member);
        } else {
          if (group.members.has(user.key)) return false;
          group.members.add(user.key);
          if (!delta.remove.delete(user.key)) delta.add.add(user.key);
        }
        return true;
      }
      case 'rename group': {
        if (groups.length === 0) return false;
        const group = random.pick(groups);
        group.displayName = `${group.displayName.replace(/ \(renamed \d+\)$/, '')} (renamed ${random.int(1, 1_000_000)})`;
        changes.renamedGroups.add(group.key);
        return true;
      }
    }
    changes.users.add(user.key);
    return true;
  };
  for (let made = 0; made < count;) {
    let roll = random.next() * total;
    const kind = WEIGHTS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'title';
    if (!apply(kind)) continue;
    changes.counts.set(kind, (changes.counts.get(kind) ?? 0) + 1);
    made++;
  }
  return changes;
}
