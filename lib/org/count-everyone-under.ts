// "Everyone under" a person: how many active people reach them by following
// managers upwards, the person themselves not counted.
//
// Computed for a whole tenant at once, bottom-up (Kahn's order: a person is
// done when all their reports are), in O(people). Manager loops (SCIM data can
// loop) never finish that way; in a graph where each person has one manager,
// what is left over is exactly the people on loops, and everyone on one loop
// reaches the same people: the loop and whatever hangs from it. So a loop's
// members share one count, and nothing runs forever.

export interface Edge {
  id: string;
  managerId: string | null;
}

export function countEveryoneUnder(edges: readonly Edge[]): Map<string, number> {
  const managerOf = new Map<string, string>();
  for (const { id, managerId } of edges) managerOf.set(id, managerId ?? '');
  /** Reports not yet done, per manager. */
  const pending = new Map<string, number>();
  for (const managerId of managerOf.values()) if (managerOf.has(managerId)) pending.set(managerId, (pending.get(managerId) ?? 0) + 1);

  const under = new Map<string, number>();
  for (const id of managerOf.keys()) under.set(id, 0);
  const ready = [...managerOf.keys()].filter((id) => !pending.has(id));
  const done = new Set<string>();
  while (ready.length > 0) {
    const id = ready.pop()!;
    done.add(id);
    const managerId = managerOf.get(id)!;
    if (!managerOf.has(managerId)) continue; // a root: no active manager
    under.set(managerId, under.get(managerId)! + under.get(id)! + 1);
    const left = pending.get(managerId)! - 1;
    pending.set(managerId, left);
    if (left === 0) ready.push(managerId);
  }

  // Whoever is not done is on a loop; walk each loop once.
  for (const start of managerOf.keys()) {
    if (done.has(start)) continue;
    const loop: string[] = [];
    for (let id = start; !done.has(id); id = managerOf.get(id)!) {
      done.add(id);
      loop.push(id);
    }
    // Each member's count so far covers the finished people under it; the loop adds its members.
    const reached = loop.reduce((sum, id) => sum + under.get(id)! + 1, 0);
    for (const id of loop) under.set(id, reached - 1);
  }
  return under;
}
