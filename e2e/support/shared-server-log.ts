import fs from 'node:fs';
import path from 'node:path';
import { errorLineIndexes } from './server-log';

// The shared server's output as start-server.ts records it, and what the
// tests declared about it, both in one folder per port, .data/e2e-<port>/
// (test.ts says how they are used):
// - server.log: every line the server wrote, prefixed with when it was
//   received (ms since the epoch) and its stream: "1718000000000 out {…}";
// - tests/<id>.json: one record per test, its window (start, and end once it
//   has finished) and the patterns of the errors it expects.

/** How long after a test's end a line may still be its doing: an error logged after the response, a late flush. */
export const LATE_MS = 5_000;

export const sharedLogDir = (port: number) => path.join('.data', `e2e-${port}`);
export const logFile = (dir: string) => path.join(dir, 'server.log');
const recordDir = (dir: string) => path.join(dir, 'tests');

/** A new, empty log and record folder; answers the log's file descriptor. */
export function openSharedLog(dir: string): number {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(recordDir(dir), { recursive: true });
  return fs.openSync(logFile(dir), 'a');
}

export interface LoggedLine {
  at: number;
  stream: string;
  text: string;
}

/** Writes each whole line of a stream's chunks to `fd`, with when it arrived; answers the function to call on each chunk. */
export function lineRecorder(fd: number, stream: 'out' | 'err'): (chunk: string) => void {
  let partial = '';
  return (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    const at = Date.now();
    if (lines.length > 0) fs.writeSync(fd, lines.map((line) => `${at} ${stream} ${line}\n`).join(''));
  };
}

/** Where the log ends now: lines from there on are written later. */
export const sharedLogSize = (dir: string) => fs.statSync(logFile(dir)).size;

/** The whole lines of the log from byte `offset` on. */
export function readSharedLog(dir: string, offset = 0): LoggedLine[] {
  const fd = fs.openSync(logFile(dir), 'r');
  try {
    const buffer = Buffer.alloc(Math.max(0, fs.fstatSync(fd).size - offset));
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return buffer
      .subarray(0, buffer.lastIndexOf('\n') + 1)
      .toString('utf8')
      .split('\n')
      .slice(0, -1)
      .map((raw) => {
        const [at, stream] = raw.split(' ', 2);
        return { at: Number(at), stream, text: raw.slice(at.length + stream.length + 2) };
      });
  } finally {
    fs.closeSync(fd);
  }
}

/** The lines among `lines` that start an error (server-log.ts), each stream read on its own. */
export function errorsAmong(lines: readonly LoggedLine[]): LoggedLine[] {
  const found = new Set<LoggedLine>();
  for (const stream of new Set(lines.map((line) => line.stream))) {
    const ofStream = lines.filter((line) => line.stream === stream);
    for (const i of errorLineIndexes(ofStream.map((line) => line.text))) found.add(ofStream[i]);
  }
  return lines.filter((line) => found.has(line));
}

export interface TestRecord {
  title: string;
  start: number;
  /** Null while the test runs. */
  end: number | null;
  patterns: { source: string; flags: string }[];
}

/** Writes the record whole (another worker may read it at any moment). */
export function writeRecord(dir: string, id: string, record: TestRecord): void {
  const file = path.join(recordDir(dir), `${id}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(record));
  fs.renameSync(`${file}.tmp`, file);
}

/** Every test's record, the earliest first. */
export function readRecords(dir: string): TestRecord[] {
  return fs
    .readdirSync(recordDir(dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(recordDir(dir), name), 'utf8')) as TestRecord)
    .sort((a, b) => a.start - b.start);
}

/** The tests that were running when `line` arrived, or had ended less than LATE_MS before. */
const runningAt = (records: readonly TestRecord[], line: LoggedLine) => records.filter((r) => r.start <= line.at && line.at <= (r.end ?? Infinity) + LATE_MS);

/** The error lines among `lines` that no test running as each arrived expected, each with those tests' titles, for a failure's message. */
export function unexpectedErrors(lines: readonly LoggedLine[], records: readonly TestRecord[]): string[] {
  return errorsAmong(lines).flatMap((line) => {
    const running = runningAt(records, line);
    if (running.some((r) => r.patterns.some(({ source, flags }) => new RegExp(source, flags).test(line.text)))) return [];
    const titles = running.map((r) => r.title).join('; ') || 'no test ran: start-up, a hook or between tests';
    return [`  ${line.text}\n    (at ${new Date(line.at).toISOString()}, while ${titles})`];
  });
}
