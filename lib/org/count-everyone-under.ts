// "Everyone under" a person: how many active people reach them by following
// managers upwards, the person themselves not counted.
//
// Computed for a whole tenant at once, bottom-up (Kahn's order: a person is
// done when all their reports are), in O(people), on integer indexes and typed
// arrays (100,000 people in a few tens of milliseconds). Manager loops (SCIM
// data can loop) never finish that way; where each person has one manager,
// what is left over is exactly the people on loops, and everyone on one loop
// reaches the same people: the loop and whatever hangs from it. So a loop's
// members share one count, and nothing runs forever.

export interface Edge {
  id: string;
  managerId: string | null;
}

/** Everyone under each person of the edges; undefined for anyone else. */
export type HeadCounts = (id: string) => number | undefined;

export function countEveryoneUnder(edges: readonly Edge[]): HeadCounts {
  const n = edges.length;
  const indexOf = new Map<string, number>();
  edges.forEach(({ id }, i) => indexOf.set(id, i));
  /** Each person's manager's index, or -1 for none on the chart (no manager, or an inactive one). */
  const manager = new Int32Array(n);
  /** Reports not yet done, per person. */
  const pending = new Int32Array(n);
  edges.forEach(({ managerId }, i) => {
    const m = managerId === null ? -1 : (indexOf.get(managerId) ?? -1);
    manager[i] = m;
    if (m >= 0) pending[m]++;
  });

  const under = new Int32Array(n);
  const done = new Uint8Array(n);
  const ready = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) if (pending[i] === 0) ready[top++] = i;
  while (top > 0) {
    const i = ready[--top];
    done[i] = 1;
    const m = manager[i];
    if (m < 0) continue;
    under[m] += under[i] + 1;
    if (--pending[m] === 0) ready[top++] = m;
  }

  // Whoever is not done is on a loop; walk each loop once.
  for (let start = 0; start < n; start++) {
    if (done[start]) continue;
    const loop: number[] = [];
    for (let i = start; !done[i]; i = manager[i]) {
      done[i] = 1;
      loop.push(i);
    }
    // Each member's count so far covers the finished people under it; the loop adds its members.
    const reached = loop.reduce((sum, i) => sum + under[i] + 1, 0);
    for (const i of loop) under[i] = reached - 1;
  }
  // The index is the lookup too: a second map of 100,000 ids would cost as much again.
  return (id) => {
    const i = indexOf.get(id);
    return i === undefined ? undefined : under[i];
  };
}
