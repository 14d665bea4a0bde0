import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { checkedAtTestEnd, type CheckedOutput } from './server-errors';

// The production server as `npm start` runs it (lib/server/main.ts, built
// pages), in a process of its own that a fault test can kill and start again.
// Made inside a test: its output is checked when the test finishes (server-errors.ts).

export interface AppServer extends CheckedOutput {
  readonly port: number;
  /** Everything the server printed, for assertions and for a failing test's message. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
}

/** Resolves once anything answers HTTP on the port. */
export async function waitForHttp(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answered = await new Promise<boolean>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/api/health', timeout: 2_000 }, (response) => {
        response.resume();
        resolve(true);
      });
      request.on('error', () => resolve(false)).on('timeout', () => request.destroy());
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`nothing answered on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function appServer(port: number, env: Record<string, string>): AppServer {
  let child: ChildProcess | null = null;
  let stdout = '';
  let stderr = '';
  const server: AppServer = {
    ...checkedAtTestEnd(`The app server on port ${port}`, () => [stdout, stderr]),
    port,
    output: () => stdout + stderr,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'server', 'main.ts'), '--port', String(port)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ROOT_DOMAIN: `localhost:${port}`, DATABASE_POOL_SIZE: '10', ...env },
      });
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await waitForHttp(port);
    },
    async kill(signal) {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      // 'close' rather than 'exit': by then all of its output has been read.
      const exited = new Promise((resolve) => running.once('close', resolve));
      running.kill(signal);
      await exited;
    },
  };
  return server;
}
