import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

// The production server as `npm start` runs it (lib/server/main.ts, built
// pages), in a process of its own that a fault test can kill and start again.

export interface AppServer {
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
  let output = '';
  const server: AppServer = {
    port,
    output: () => output,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'server', 'main.ts'), '--port', String(port)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ROOT_DOMAIN: `localhost:${port}`, DATABASE_POOL_SIZE: '10', ...env },
      });
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitForHttp(port);
    },
    async kill(signal) {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill(signal);
      await exited;
    },
  };
  return server;
}
