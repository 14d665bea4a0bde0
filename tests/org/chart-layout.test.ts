import { describe, expect, test } from 'vitest';
import { CARD, layoutChart, type ChartCard, type ChartLayout } from '../../components/org/chart-layout';
import type { Branch } from '../../components/org/chart-state';
import type { OrgList, OrgNode } from '../../lib/org/org-node';

// The graphical org chart's layout: cards never overlap, every card is inside
// the drawing, each manager sits above their reports with a line to each, and
// large groups of reports are stacked rather than laid in one long row.

const person = (id: string, directReports = 0): OrgNode => ({
  id,
  name: `Person ${id}`,
  title: null,
  department: null,
  photoKey: null,
  href: `/people/${id}`,
  directReports,
  everyoneUnder: directReports,
  managerNotInDirectory: false,
});
const list = (people: OrgNode[], more = 0): OrgList => ({ people, more });

/** A chart state from which people are open and what their branches hold. */
function view(open: string[], branches: Record<string, Branch>) {
  return { isOpen: (id: string) => open.includes(id), branch: (id: string) => branches[id] };
}

const loaded = (l: OrgList): Branch => ({ status: 'loaded', list: l });
const cardOf = (layout: ChartLayout, id: string) =>
  layout.cards.find((c): c is Extract<ChartCard, { kind: 'person' }> => c.kind === 'person' && c.person.id === id)!;
const overlap = (a: ChartCard, b: ChartCard) => a.x < b.x + CARD.width && b.x < a.x + CARD.width && a.y < b.y + CARD.height && b.y < a.y + CARD.height;

function expectSound(layout: ChartLayout): void {
  for (const [i, a] of layout.cards.entries()) {
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + CARD.width).toBeLessThanOrEqual(layout.width);
    expect(a.y + CARD.height).toBeLessThanOrEqual(layout.height);
    for (const b of layout.cards.slice(i + 1)) expect(overlap(a, b), `cards ${i} and another overlap`).toBe(false);
  }
  for (const line of layout.lines) for (const [x, y] of line) expect(x >= 0 && x <= layout.width && y >= 0 && y <= layout.height).toBe(true);
}

/** Whether some line ends at (x, y). */
const lineEndsAt = (layout: ChartLayout, x: number, y: number) => layout.lines.some((line) => line.some(([lx, ly]) => lx === x && ly === y));

describe('layoutChart', () => {
  test('a collapsed top level is one row of cards and no lines', () => {
    const layout = layoutChart(list([person('a', 3), person('b')]), view([], {}));
    expect(layout.cards.map((c) => c.kind === 'person' && c.person.id)).toEqual(['a', 'b']);
    expect(layout.lines).toEqual([]);
    expect(layout.height).toBe(CARD.height);
    expectSound(layout);
  });

  test('a few reports sit side by side under their manager, centred, each joined by a line', () => {
    const reports = [person('r1'), person('r2'), person('r3')];
    const layout = layoutChart(list([person('boss', 3)]), view(['boss'], { boss: loaded(list(reports)) }));
    expectSound(layout);
    const boss = cardOf(layout, 'boss');
    const row = reports.map((r) => cardOf(layout, r.id));
    expect(new Set(row.map((c) => c.y)).size).toBe(1);
    expect(row[0].y).toBeGreaterThan(boss.y + CARD.height);
    expect(boss.x + CARD.width / 2).toBeCloseTo((row[0].x + row[2].x + CARD.width) / 2);
    for (const card of row) expect(lineEndsAt(layout, card.x + CARD.width / 2, card.y)).toBe(true);
    expect(lineEndsAt(layout, boss.x + CARD.width / 2, boss.y + CARD.height)).toBe(true);
    expect(row.map((c) => c.parentId)).toEqual(['boss', 'boss', 'boss']);
  });

  test('many reports with none expanded are stacked in columns, each card joined to its column line', () => {
    const reports = Array.from({ length: 40 }, (_, i) => person(`r${i}`));
    const layout = layoutChart(list([person('boss', 40)]), view(['boss'], { boss: loaded(list(reports, 7)) }));
    expectSound(layout);
    const columns = new Set(reports.map((r) => cardOf(layout, r.id).x));
    expect(columns.size).toBe(4);
    // Four columns, not forty cards in a row.
    expect(layout.width).toBeLessThan(5 * (CARD.width + 48));
    for (const r of reports) {
      const card = cardOf(layout, r.id);
      expect(lineEndsAt(layout, card.x, card.y + CARD.height / 2)).toBe(true);
    }
    // The list was cut: "and 7 others" closes it.
    expect(layout.cards.at(-1)).toMatchObject({ kind: 'more', more: 7 });
  });

  test('an expanded report keeps its row side by side; deeper levels go below; reading order is depth first', () => {
    const layout = layoutChart(
      list([person('ceo', 5)]),
      view(['ceo', 'vp'], {
        ceo: loaded(list([person('vp', 2), person('x'), person('y'), person('z'), person('w')])),
        vp: loaded(list([person('m1'), person('m2')])),
      }),
    );
    expectSound(layout);
    const [ceo, vp, m1, x] = ['ceo', 'vp', 'm1', 'x'].map((id) => cardOf(layout, id));
    expect(vp.y).toBe(x.y);
    expect(m1.y).toBeGreaterThan(vp.y);
    expect(ceo.y).toBeLessThan(vp.y);
    const order = layout.cards.map((c) => (c.kind === 'person' ? c.person.id : c.kind));
    expect(order.slice(0, 5)).toEqual(['ceo', 'vp', 'm1', 'm2', 'x']);
  });

  test('a branch still loading or failed shows in place of the reports', () => {
    const loading = layoutChart(list([person('boss', 2)]), view(['boss'], { boss: { status: 'loading' } }));
    expect(loading.cards.map((c) => c.kind)).toEqual(['person', 'loading']);
    const failed = layoutChart(list([person('boss', 2)]), view(['boss'], { boss: { status: 'failed' } }));
    expect(failed.cards.map((c) => c.kind)).toEqual(['person', 'failed']);
    expectSound(failed);
  });

  test('managers reporting to each other in a loop are drawn once each, not for ever', () => {
    const a = person('a', 1);
    const b = person('b', 1);
    const layout = layoutChart(list([a]), view(['a', 'b'], { a: loaded(list([b])), b: loaded(list([a])) }));
    expect(layout.cards.map((c) => c.kind === 'person' && c.person.id)).toEqual(['a', 'b', 'a']);
    expectSound(layout);
  });
});
