import { diffLines } from 'diff';

// A line-based diff between two revisions, as rows a table can show with
// + and − markers (never colour alone).

export type DiffRow = { kind: 'added' | 'removed' | 'unchanged'; text: string };

export function lineDiff(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'unchanged';
    // Each part is a run of whole lines; the last one may lack its newline.
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) rows.push({ kind, text });
  }
  return rows;
}
