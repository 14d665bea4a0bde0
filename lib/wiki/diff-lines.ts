import { diffLines } from 'diff';

// A line-based diff between two revisions, as rows a table can show with
// + and − markers (never colour alone).

export type DiffRow = { kind: 'added' | 'removed' | 'unchanged'; text: string };

/** Whether the text ends in a newline is no change a reader could see, so both get one. */
const terminated = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

export function lineDiff(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const part of diffLines(terminated(before), terminated(after))) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'unchanged';
    // Each part is a run of whole lines, each ending in a newline.
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) rows.push({ kind, text });
  }
  return rows;
}
