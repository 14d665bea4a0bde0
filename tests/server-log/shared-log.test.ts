import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LATE_MS,
  lineRecorder,
  openSharedLog,
  readRecords,
  readSharedLog,
  sharedLogSize,
  unexpectedErrors,
  writeRecord,
} from '../../e2e/support/shared-server-log';

// The shared server's log as start-server.ts records it, and which of its
// error lines the tests running then expected (e2e/support/test.ts).

const REFUSED =
  '{"level":"error","time":"2026-12-06T05:14:45.616Z","pid":1,"hostname":"vm","msg":"[auth][error] CallbackRouteError: Read more at https://errors.authjs.dev#callbackrouteerror"}';
const BROKEN = '{"level":"error","time":"2026-12-06T05:14:45.616Z","pid":1,"hostname":"vm","msg":"scim: unexpected error"}';
const REQUEST = '{"level":"info","time":"2026-12-06T05:14:45.616Z","pid":1,"hostname":"vm","status":500,"msg":"request"}';

let dir: string;
let fd: number;

beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orgwiki-server-log-')), 'e2e-1');
  fd = openSharedLog(dir);
});

afterEach(() => {
  fs.closeSync(fd);
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  vi.useRealTimers();
});

/** The server writing `text` to `stream` at `at` ms. */
function logAt(at: number, stream: 'out' | 'err', text: string) {
  vi.setSystemTime(at);
  lineRecorder(fd, stream)(`${text}\n`);
}

describe('the shared log', () => {
  it('records whole lines with when they arrived and from which stream, and reads on from an offset', () => {
    vi.useFakeTimers();
    const out = lineRecorder(fd, 'out');
    const err = lineRecorder(fd, 'err');
    vi.setSystemTime(1_000);
    out('{"level":"info","msg":"listen');
    err('⨯ Error: boom\n    at x (a.js:1:2)\n');
    vi.setSystemTime(1_005);
    out('ing"}\n{"level":"info","msg":"not yet whole');
    expect(readSharedLog(dir)).toEqual([
      { at: 1_000, stream: 'err', text: '⨯ Error: boom' },
      { at: 1_000, stream: 'err', text: '    at x (a.js:1:2)' },
      { at: 1_005, stream: 'out', text: '{"level":"info","msg":"listening"}' },
    ]);
    const offset = sharedLogSize(dir);
    out('"}\n');
    expect(readSharedLog(dir, offset)).toEqual([{ at: 1_005, stream: 'out', text: '{"level":"info","msg":"not yet whole"}' }]);
  });

  it('lets an error line through only by a pattern of a test that was running when it arrived', () => {
    vi.useFakeTimers();
    writeRecord(dir, 'a', { title: 'desktop › sign-in › a tampered state', start: 1_000, end: 2_000, patterns: [{ source: 'CallbackRouteError', flags: '' }] });
    writeRecord(dir, 'b', { title: 'scim › users › create', start: 1_500, end: null, patterns: [] });
    logAt(500, 'out', BROKEN);
    logAt(1_800, 'out', REFUSED);
    logAt(1_800, 'out', BROKEN);
    logAt(1_900, 'out', REQUEST);
    logAt(2_000 + LATE_MS, 'out', REFUSED);
    logAt(2_001 + LATE_MS, 'out', REFUSED);

    const unexpected = unexpectedErrors(readSharedLog(dir), readRecords(dir));
    expect(unexpected).toEqual([
      `  ${BROKEN}\n    (at 1970-01-01T00:00:00.500Z, while no test ran: start-up, a hook or between tests)`,
      `  ${BROKEN}\n    (at 1970-01-01T00:00:01.800Z, while desktop › sign-in › a tampered state; scim › users › create)`,
      `  ${REFUSED}\n    (at 1970-01-01T00:00:07.001Z, while scim › users › create)`,
    ]);
  });
});
