import { randomBytes } from 'node:crypto';
import { test as base, type Cookie, type TestInfo } from '@playwright/test';
import { E2E_PORT, E2E_ROOT } from '../../playwright.config';
import { httpRequest } from './http';
import { errorLines } from './server-log';
import { signInToDemo } from './sign-in';
import {
  errorsAmong,
  logFile,
  readRecords,
  readSharedLog,
  sharedLogDir,
  sharedLogSize,
  unexpectedErrors,
  writeRecord,
  type TestRecord,
} from './shared-server-log';

// Every spec's `test`: a test fails when a server it used logged an error
// (server-log.ts says what counts) that no test declared, and when it declared
// one that was not logged. A test declares what it causes, in its own body,
// before the step that causes it:
//
//   expectServerErrors(/"level":"error".*Code: `55P03`\. Message: `canceling statement due to lock timeout`/);
//
// Who caused a line of the shared server (start-server.ts)? Two workers run
// tests side by side against it, so a line cannot be tied to one test; it can
// be tied to a time. Each test's record (shared-server-log.ts) holds its
// window and its patterns, where the other worker sees them. When a test
// ends, it sends the server a request of its own and waits for that
// request's line in the log: every line the server wrote meanwhile is then
// recorded. Each error line of the test's window must match a pattern of a
// test that was running when it arrived (this one, or the other worker's);
// each of this test's patterns must match an error line of its window.
// Lines outside every window (start-up, hooks, a late async error) are caught
// by server-log-teardown.ts, which checks the whole log against every
// record's window (and LATE_MS after it) and fails the run. So a line is let
// through only by a pattern of a test that ran when it was logged: at worst,
// the very error one test expects, caused meanwhile by the other worker's.
// A test must declare before the step that logs, or the other worker's check
// may meet the line first.
//
// Servers a test starts itself (own-server.ts, cluster-site.ts) are watched
// with watchServerOutput(): one worker reads them, one test at a time, so the
// lines written since the previous test ended are this test's, checked against
// its own patterns. Whatever they write after the worker's last test (a
// cluster stopped in afterAll) must hold no error at all: the worker fails.

interface Running {
  testId: string;
  recordId: string;
  record: TestRecord;
}

const LOG_DIR = sharedLogDir(E2E_PORT);

/** The test this worker is running. */
let running: Running | null = null;

interface Watched {
  name: string;
  output: () => string;
  /** How much of the output has been checked. */
  checked: number;
}
const watched: Watched[] = [];

/** Declares errors that the running test causes on a server: each pattern must match an error line, and every error line must match a pattern. */
export function expectServerErrors(...patterns: RegExp[]): void {
  if (!running || running.testId !== base.info().testId)
    throw new Error("expectServerErrors() is for a test's body, in a spec that imports `test` from e2e/support/test.ts");
  // Without g and y: RegExp.test would remember where it stopped.
  running.record.patterns.push(...patterns.map(({ source, flags }) => ({ source, flags: flags.replace(/[gy]/g, '') })));
  writeRecord(LOG_DIR, running.recordId, running.record);
}

/** Checks the output of a server this worker started, at the end of each test from now on (see above). */
export function watchServerOutput(name: string, output: () => string): void {
  watched.push({ name, output, checked: 0 });
}

/** The new whole lines of each watched server's output, marked as checked. */
function newWatchedLines(): { name: string; text: string }[] {
  return watched.flatMap((server) => {
    const output = server.output();
    const end = output.lastIndexOf('\n') + 1;
    if (end <= server.checked) return [];
    const fresh = output.slice(server.checked, end);
    server.checked = end;
    return errorLines(fresh).map((text) => ({ name: server.name, text }));
  });
}

/** Sends the shared server a request and answers when its line has been recorded, with when it arrived. */
async function flushSharedLog(offset: number): Promise<number> {
  const requestId = `log-flush-${randomBytes(8).toString('hex')}`;
  const response = await httpRequest({ port: E2E_PORT, host: E2E_ROOT, path: '/api/health', headers: { 'X-Request-Id': requestId } });
  if (response.status !== 200) throw new Error(`The shared server answered /api/health with ${response.status}`);
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
    const line = readSharedLog(LOG_DIR, offset).find((l) => l.text.includes(`"requestId":"${requestId}"`));
    if (line) return line.at;
  }
  throw new Error(`The shared server's request ${requestId} is not in ${logFile(LOG_DIR)}: is start-server.ts recording its output?`);
}

async function checkServerErrors(testInfo: TestInfo, current: Running, offset: number): Promise<void> {
  current.record.end = await flushSharedLog(offset);
  writeRecord(LOG_DIR, current.recordId, current.record);
  const during = readSharedLog(LOG_DIR, offset).filter((line) => current.record.start <= line.at && line.at <= current.record.end!);
  const shared = errorsAmong(during);
  const own = newWatchedLines();
  const patterns = current.record.patterns.map(({ source, flags }) => new RegExp(source, flags));

  const problems: string[] = [];
  const unexpectedShared = unexpectedErrors(during, readRecords(LOG_DIR));
  if (unexpectedShared.length) problems.push(`The shared server logged errors that no test running then expected:\n${unexpectedShared.join('\n')}`);
  const unexpectedOwn = own.filter((line) => !patterns.some((pattern) => pattern.test(line.text)));
  if (unexpectedOwn.length)
    problems.push(`Servers of this test logged errors it did not expect:\n${unexpectedOwn.map((line) => `  ${line.name}: ${line.text}`).join('\n')}`);
  // A test that failed may have stopped before the step that logs the error.
  const logged = [...shared.map((line) => line.text), ...own.map((line) => line.text)];
  const unused = testInfo.status === 'passed' ? patterns.filter((pattern) => !logged.some((text) => pattern.test(text))) : [];
  if (unused.length) problems.push(`Expected server errors that were not logged during the test: ${unused.join(', ')}`);
  if (problems.length)
    throw new Error(`${problems.join('\n\n')}\n\nDeclare an error a test causes with expectServerErrors() (e2e/support/test.ts), or fix what logs it.`);
}

/** A signed-in session of the demo company, made once per worker by signing in through the real pages. */
export interface DemoSession {
  cookies: Cookie[];
  /** Who is signed in (the first person the identity provider lists). */
  name: string;
}

export const test = base.extend<{ serverErrors: void }, { watchedServerErrors: void; demoSession: DemoSession }>({
  serverErrors: [
    async ({}, use, testInfo) => {
      const offset = sharedLogSize(LOG_DIR);
      const current: Running = {
        testId: testInfo.testId,
        recordId: `${testInfo.testId}-${testInfo.repeatEachIndex}-${testInfo.retry}`,
        record: { title: `${testInfo.project.name} › ${testInfo.titlePath.join(' › ')}`, start: Date.now(), end: null, patterns: [] },
      };
      writeRecord(LOG_DIR, current.recordId, current.record);
      running = current;
      try {
        await use();
      } finally {
        running = null;
      }
      await checkServerErrors(testInfo, current, offset);
    },
    { auto: true },
  ],
  watchedServerErrors: [
    async ({}, use) => {
      await use();
      const left = newWatchedLines();
      if (left.length)
        throw new Error(
          `Servers started by this worker's tests logged errors after its last test:\n${left.map((line) => `  ${line.name}: ${line.text}`).join('\n')}`,
        );
    },
    { scope: 'worker', auto: true },
  ],
  // Sessions are not rotated (lib/auth/tenant-session.ts), so tests that need someone signed in to the
  // demo, and not signing in itself, share one; sign-in's own specs sign in for real every time.
  demoSession: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      const name = await signInToDemo(await context.newPage());
      const cookies = await context.cookies();
      await context.close();
      await use({ cookies, name });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
