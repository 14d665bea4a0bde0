import { onTestFinished } from 'vitest';
import { errorLines } from '../../../e2e/support/server-log';
import type { ClusterOptions } from '../../../tools/cluster/start-cluster';

// The fault tests' servers, held to the browser tests' rule (e2e/support/test.ts):
// once the test has finished, every error line of a server it started
// (e2e/support/server-log.ts says what counts) must match an error the test
// declared, next to the fault that causes it, and each declared error must
// have been logged. A fault test owns its servers, so what they wrote is its.

export interface CheckedOutput {
  /** Declares errors the test causes on this server, e.g. while its database is down. */
  expectErrors(...patterns: RegExp[]): void;
}

/** Checks `outputs()`, everything the server `name` wrote on each of its streams, when the running test finishes. */
export function checkedAtTestEnd(name: string, outputs: () => readonly string[]): CheckedOutput {
  const expected: RegExp[] = [];
  onTestFinished(({ task }) => {
    const lines = outputs().flatMap((output) => errorLines(output));
    const unexpected = lines.filter((line) => !expected.some((pattern) => pattern.test(line)));
    // A test that failed may have stopped before its fault.
    const unused = task.result?.state === 'fail' ? [] : expected.filter((pattern) => !lines.some((line) => pattern.test(line)));
    const problems = [
      ...(unexpected.length ? [`${name} logged errors the test did not expect:\n${unexpected.map((line) => `  ${line}`).join('\n')}`] : []),
      ...(unused.length ? [`${name} did not log the expected errors ${unused.join(', ')}`] : []),
    ];
    if (problems.length) throw new Error(`${problems.join('\n')}\nDeclare an error a fault causes with expectErrors() next to it, or fix what logs it.`);
  });
  // Without g and y: RegExp.test would remember where it stopped.
  return { expectErrors: (...patterns) => expected.push(...patterns.map(({ source, flags }) => new RegExp(source, flags.replace(/[gy]/g, '')))) };
}

/** Collects a cluster's output for startCluster's `onOutput`: every process's streams, checked when the running test finishes. */
export function checkedCluster(): CheckedOutput & Required<Pick<ClusterOptions, 'onOutput'>> {
  const outputs = new Map<string, string>();
  return {
    ...checkedAtTestEnd('The cluster', () => [...outputs.values()]),
    onOutput: (name, stream, chunk) => outputs.set(`${name} ${stream}`, (outputs.get(`${name} ${stream}`) ?? '') + chunk),
  };
}
