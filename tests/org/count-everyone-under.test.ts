import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countEveryoneUnder, type Edge, type HeadCounts } from '../../lib/org/count-everyone-under';

/** Everyone under each person by walking down from them: slow, obviously right. */
function walkDown(edges: readonly Edge[]): Map<string, number> {
  const reports = new Map<string, string[]>();
  for (const { id, managerId } of edges) if (managerId !== null) reports.set(managerId, [...(reports.get(managerId) ?? []), id]);
  return new Map(
    edges.map(({ id }) => {
      const seen = new Set<string>([id]);
      const queue = [...(reports.get(id) ?? [])];
      while (queue.length > 0) {
        const next = queue.pop()!;
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(...(reports.get(next) ?? []));
      }
      return [id, seen.size - 1];
    }),
  );
}

const all = (counts: HeadCounts, edges: readonly Edge[]) => new Map(edges.map(({ id }) => [id, counts(id)]));

describe('countEveryoneUnder', () => {
  it('counts a tree bottom-up', () => {
    const edges = [
      { id: 'a', managerId: null },
      { id: 'b', managerId: 'a' },
      { id: 'c', managerId: 'b' },
      { id: 'd', managerId: 'a' },
    ];
    expect(Object.fromEntries(all(countEveryoneUnder(edges), edges))).toEqual({ a: 3, b: 1, c: 0, d: 0 });
    expect(countEveryoneUnder(edges)('nobody')).toBeUndefined();
  });

  it('ignores managers that are not in the list (inactive people) and ends on loops, a self-loop included', () => {
    const edges = [
      { id: 'x', managerId: 'gone' },
      { id: 'y', managerId: 'x' },
      { id: 'p', managerId: 'q' },
      { id: 'q', managerId: 'p' },
      { id: 'r', managerId: 'p' },
      { id: 's', managerId: 's' },
    ];
    expect(Object.fromEntries(all(countEveryoneUnder(edges), edges))).toEqual({ x: 1, y: 0, p: 2, q: 2, r: 0, s: 0 });
  });

  it('agrees with walking down from every person, on any graph where each person has at most one manager', () => {
    const graphs = fc
      .integer({ min: 1, max: 40 })
      .chain((size) => fc.array(fc.option(fc.integer({ min: 0, max: size + 3 }), { nil: null }), { minLength: size, maxLength: size }));
    fc.assert(
      fc.property(graphs, (managers) => {
        // Indexes past the end stand for people who are not on the chart.
        const edges = managers.map((m, i) => ({ id: `p${i}`, managerId: m === null ? null : `p${m}` }));
        expect(all(countEveryoneUnder(edges), edges)).toEqual(walkDown(edges));
      }),
    );
  });
});
