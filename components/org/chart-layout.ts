import type { OrgList, OrgNode } from '@/lib/org/org-node';
import type { Branch } from './chart-state';

// Where each card of the graphical chart goes: a top-down tree of what is
// expanded, with the connector lines between cards. One layout serves the page
// and the exported SVG and PNG (chart-export.ts), so that what is downloaded
// is what is on the screen. Pure arithmetic: no DOM, tested on its own.
//
// Reports that have none of their own open are stacked in columns under their
// manager (as Pingboard and ChartHop do) rather than side by side: a manager
// of forty would otherwise make a row ten thousand pixels wide.

export const CARD = { width: 240, height: 92 } as const;
/** Between cards side by side, and between a manager and the row below (the expand button sits in it). */
const GAP = { x: 24, y: 56 } as const;
/** A stacked column: its line runs this far left of the cards, which are this far apart. */
const STACK = { indent: 20, rowGap: 16, columnGap: 24 } as const;
/** Up to this many reports side by side; more, when none is expanded, are stacked. */
const MOST_IN_A_ROW = 4;
/** Rows per stacked column before another column starts, up to MOST_COLUMNS. */
const ROWS_PER_COLUMN = 8;
const MOST_COLUMNS = 4;

export type ChartCard =
  | { kind: 'person'; x: number; y: number; person: OrgNode; parentId: string | null }
  /** "and N others", after a list cut at its limit; `manager` is null for the top level. */
  | { kind: 'more'; x: number; y: number; more: number; manager: OrgNode | null }
  | { kind: 'loading' | 'failed'; x: number; y: number; manager: OrgNode };

/** A connector: a polyline through its points. */
type ChartLine = readonly (readonly [number, number])[];

export interface ChartLayout {
  width: number;
  height: number;
  /** In reading order: each person before their reports. */
  cards: ChartCard[];
  lines: ChartLine[];
}

/** Every connector as one SVG path: a chart of hundreds of people draws one element, not hundreds. */
export const linesPath = (lines: readonly ChartLine[]) => lines.map((line) => line.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join('')).join('');

/** What the layout needs to know of the chart's state: who is expanded, and what is loaded. */
export interface ChartView {
  isOpen(id: string): boolean;
  branch(id: string): Branch | undefined;
}

/** A laid-out subtree, its top-left corner at (0, 0); `anchor` is the x of its top card's middle. */
interface Block {
  width: number;
  height: number;
  anchor: number;
  cards: ChartCard[];
  lines: ChartLine[];
}

const moved = (block: Block, dx: number, dy: number): Pick<Block, 'cards' | 'lines'> => ({
  cards: block.cards.map((card) => ({ ...card, x: card.x + dx, y: card.y + dy })),
  lines: block.lines.map((line) => line.map(([x, y]) => [x + dx, y + dy] as const)),
});

const single = (card: ChartCard): Block => ({ width: CARD.width, height: CARD.height, anchor: CARD.width / 2, cards: [card], lines: [] });

/** The children of an expanded person: their reports, and "and N others" when the list was cut, or where it stands. */
function childBlocks(person: OrgNode, view: ChartView, above: ReadonlySet<string>): { blocks: Block[]; leaves: boolean } {
  const branch = view.branch(person.id);
  if (!branch || branch.status !== 'loaded') {
    return { blocks: [single({ kind: branch?.status === 'failed' ? 'failed' : 'loading', x: 0, y: 0, manager: person })], leaves: true };
  }
  return listBlocks(branch.list, person, view, above);
}

/** `above`: the people on the way down to this list. */
function listBlocks(list: OrgList, manager: OrgNode | null, view: ChartView, above: ReadonlySet<string>): { blocks: Block[]; leaves: boolean } {
  const blocks = list.people.map((person) => personBlock(person, manager?.id ?? null, view, above));
  if (list.more > 0) blocks.push(single({ kind: 'more', x: 0, y: 0, more: list.more, manager }));
  return { blocks, leaves: list.people.every((person) => !opens(person, view, above)) };
}

/** Whether a person's reports are shown; never someone above them again, where managers loop. */
const opens = (person: OrgNode, view: ChartView, above: ReadonlySet<string>) => person.directReports > 0 && view.isOpen(person.id) && !above.has(person.id);

function personBlock(person: OrgNode, parentId: string | null, view: ChartView, above: ReadonlySet<string>): Block {
  const card: ChartCard = { kind: 'person', x: 0, y: 0, person, parentId };
  if (!opens(person, view, above)) return single(card);
  const { blocks, leaves } = childBlocks(person, view, new Set(above).add(person.id));
  return leaves && blocks.length > MOST_IN_A_ROW ? stacked(card, blocks) : inARow(card, blocks);
}

/** The manager's card centred over their reports' subtrees side by side, joined by a bus line. */
function inARow(card: ChartCard, children: Block[]): Block {
  const top = CARD.height + GAP.y;
  const busY = CARD.height + GAP.y / 2;
  const lefts: number[] = [];
  let x = 0;
  for (const child of children) {
    lefts.push(x);
    x += child.width + GAP.x;
  }
  const rowWidth = x - GAP.x;
  const anchors = children.map((child, i) => lefts[i] + child.anchor);
  let anchor = (anchors[0] + anchors[anchors.length - 1]) / 2;
  // A row narrower than the card is centred under it.
  const shift = Math.max(0, CARD.width / 2 - anchor);
  anchor += shift;
  const cards: ChartCard[] = [{ ...card, x: anchor - CARD.width / 2 }];
  const lines: ChartLine[] = [
    [
      [anchor, CARD.height],
      [anchor, busY],
    ],
  ];
  if (children.length > 1) {
    lines.push([
      [anchors[0] + shift, busY],
      [anchors[anchors.length - 1] + shift, busY],
    ]);
  }
  let height: number = CARD.height;
  children.forEach((child, i) => {
    const placed = moved(child, lefts[i] + shift, top);
    cards.push(...placed.cards);
    lines.push(
      [
        [anchors[i] + shift, busY],
        [anchors[i] + shift, top],
      ],
      ...placed.lines,
    );
    height = Math.max(height, top + child.height);
  });
  return { width: Math.max(rowWidth + shift, anchor + CARD.width / 2), height, anchor, cards, lines };
}

/** The manager's card over columns of single cards, each column hanging from a line on its left. */
function stacked(card: ChartCard, children: Block[]): Block {
  const columns = Math.min(MOST_COLUMNS, Math.ceil(children.length / ROWS_PER_COLUMN));
  const rows = Math.ceil(children.length / columns);
  const columnWidth = STACK.indent + CARD.width;
  const width = columns * columnWidth + (columns - 1) * STACK.columnGap;
  const anchor = Math.max(width / 2, CARD.width / 2);
  const busY = CARD.height + GAP.y / 2;
  const top = CARD.height + GAP.y;
  const spine = (column: number) => column * (columnWidth + STACK.columnGap);
  const middle = (row: number) => top + row * (CARD.height + STACK.rowGap) + CARD.height / 2;
  const cards: ChartCard[] = [{ ...card, x: anchor - CARD.width / 2 }];
  const lines: ChartLine[] = [
    [
      [anchor, CARD.height],
      [anchor, busY],
    ],
    [
      [Math.min(spine(0), anchor), busY],
      [Math.max(spine(columns - 1), anchor), busY],
    ],
  ];
  for (let column = 0; column < columns; column++) {
    const inColumn = children.slice(column * rows, (column + 1) * rows);
    if (inColumn.length === 0) break;
    lines.push([
      [spine(column), busY],
      [spine(column), middle(inColumn.length - 1)],
    ]);
    inColumn.forEach((child, row) => {
      const x = spine(column) + STACK.indent;
      cards.push(...moved(child, x, middle(row) - CARD.height / 2).cards);
      lines.push([
        [spine(column), middle(row)],
        [x, middle(row)],
      ]);
    });
  }
  return { width: Math.max(width, CARD.width), height: middle(rows - 1) + CARD.height / 2, anchor, cards, lines };
}

/** The whole visible chart: the top level side by side, each with what is expanded under it. */
export function layoutChart(roots: OrgList, view: ChartView): ChartLayout {
  const { blocks } = listBlocks(roots, null, view, new Set());
  const cards: ChartCard[] = [];
  const lines: ChartLine[] = [];
  let x = 0;
  let height = 0;
  for (const block of blocks) {
    const placed = moved(block, x, 0);
    cards.push(...placed.cards);
    lines.push(...placed.lines);
    x += block.width + GAP.x;
    height = Math.max(height, block.height);
  }
  return { width: Math.max(0, x - GAP.x), height, cards, lines };
}
