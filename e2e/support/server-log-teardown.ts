import { E2E_PORT } from '../../playwright.config';
import { logFile, readRecords, readSharedLog, sharedLogDir, unexpectedErrors } from './shared-server-log';

// Playwright's globalTeardown, before the shared server is stopped: the whole
// run's log against every test's window and patterns (test.ts). Each test
// checked its own window already; this catches the rest: start-up, hooks,
// errors logged after a test's window, and tests that never reached their check.

export default function serverLogTeardown(): void {
  const dir = sharedLogDir(E2E_PORT);
  const lines = readSharedLog(dir);
  // A log without the server's start means nothing was recorded, and would pass anything.
  if (!lines.some((line) => line.text.includes('"msg":"listening"')))
    throw new Error(`${logFile(dir)} does not hold the server's "listening" line: its output was not recorded.`);
  const unexpected = unexpectedErrors(lines, readRecords(dir));
  if (unexpected.length) {
    throw new Error(
      `The shared server logged ${unexpected.length} error line(s) that no test running then expected (see ${logFile(dir)}):\n${unexpected.join('\n')}\n\nDeclare an error a test causes with expectServerErrors() (e2e/support/test.ts), or fix what logs it.`,
    );
  }
}
