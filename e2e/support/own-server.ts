import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { migrate } from '../../lib/db/migrate';
import { createDatabase, dropDatabase, dropDatabasesLike } from '../../lib/db/server-admin';
import { findPostgresServer } from '../../tests/support/postgres-server';
import { watchServerOutput } from './test';

// A production server of a test's own, for tests that stop it or read its
// logs, which the shared one (start-server.ts) must not be put through: the
// built app run as tools/cli/serve.ts runs it, on a fresh migrated database,
// with its output captured, and checked for errors the test did not expect
// (test.ts).

export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A migrated database of the caller's own, on the tests' PostgreSQL server (or embedded one). */
export async function createOwnDatabase(port: number): Promise<OwnDatabase> {
  const serverUrl = await findPostgresServer();
  // Leftovers of an earlier run on this port.
  const prefix = `orgwiki_e2e_own_${port}_`;
  await dropDatabasesLike(serverUrl, prefix);
  const name = `${prefix}${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(serverUrl, name);
  await migrate(url);
  return { url, drop: () => dropDatabase(serverUrl, name) };
}

export interface OwnServer {
  port: number;
  /** Everything the process wrote so far. */
  stdout(): string;
  stderr(): string;
  /** The first line of stdout that matches, once it is written. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  signal(signal: NodeJS.Signals): void;
  /** The exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

export async function startOwnServer(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<OwnServer> {
  // The settings of the shared server are not this one's.
  const inherited = { ...process.env };
  delete inherited.METRICS_TOKEN;
  delete inherited.PORT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/server/main.ts', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, DATABASE_URL: databaseUrl, ROOT_DOMAIN: `localhost:${port}`, NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'info', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  watchServerOutput(`own server :${port} stdout`, () => stdout);
  watchServerOutput(`own server :${port} stderr`, () => stderr);
  // 'close' rather than 'exit': by then all of its output has been read.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  async function waitForLine(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = stdout.split('\n').find((l) => pattern.test(l));
      if (line) return line;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`No line like ${pattern} (exit code ${child.exitCode}). stdout:\n${stdout}\nstderr:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  await waitForLine(/"msg":"listening"/, 60_000);
  return { port, stdout: () => stdout, stderr: () => stderr, waitForLine, signal: (signal) => child.kill(signal), exited };
}
