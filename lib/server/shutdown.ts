import type http from 'node:http';
import { log } from '../log/log';

// Stopping without cutting anyone off, on SIGTERM (the orchestrator) or SIGINT
// (Ctrl+C):
// 1. stop listening, and have /api/ready answer 503 (onDrain), so that the
//    load balancer stops sending here;
// 2. let the requests in flight finish, each connection closing as its
//    response ends (Connection: close) and idle keep-alive ones at once;
// 3. past the deadline, cut whatever is left;
// 4. release what the process holds (release) and exit 0.

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface ShutdownOptions {
  deadlineMs: number;
  onDrain(): void;
  release(): Promise<void>;
}

export function stopGracefully(server: http.Server, options: ShutdownOptions): void {
  const inFlight = new Set<http.ServerResponse>();
  let stopping = false;
  let drained = () => {};

  // Before the server's own handler, so that a request arriving on a kept-alive
  // connection during the drain already gets Connection: close.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (stopping) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (!stopping) return;
      // A response whose headers went out before the drain leaves its connection idle, not closed.
      server.closeIdleConnections();
      if (inFlight.size === 0) drained();
    });
  });

  async function stop(signal: string): Promise<void> {
    // A terminal's Ctrl+C reaches both this process and its launcher, which passes it on: the second changes nothing.
    if (stopping) return;
    stopping = true;
    options.onDrain();
    log.info({ signal, inFlight: inFlight.size }, 'shutting down: finishing the requests in flight');
    // Also closes the connections that are idle now (Node 19+).
    server.close();
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    const cut = await new Promise<boolean>((resolve) => {
      if (inFlight.size === 0) return resolve(false);
      const timer = setTimeout(() => resolve(true), options.deadlineMs);
      drained = () => {
        clearTimeout(timer);
        resolve(false);
      };
    });
    if (cut) log.warn({ inFlight: inFlight.size, deadlineMs: options.deadlineMs }, 'shutting down: cutting the requests still in flight');
    // No request is left to wait for; upgraded sockets (dev's hot reload) end with the process.
    server.closeAllConnections();
    try {
      await options.release();
    } catch (error) {
      log.error({ err: error }, 'shutting down: could not release everything');
      process.exit(1);
    }
    log.info('stopped');
    process.exit(0);
  }

  for (const signal of SIGNALS) process.on(signal, () => void stop(signal));
}
