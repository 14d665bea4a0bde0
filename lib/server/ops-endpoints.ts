import type { IncomingMessage, ServerResponse } from 'node:http';
import { getConfig } from '../config';
import { log } from '../log/log';
import { METRICS_CONTENT_TYPE, metricsText } from '../ops/metrics';
import { metricsAccess } from '../ops/metrics-access';
import { checkReadiness } from '../ops/readiness';

// Health, readiness and metrics, served before Next on every host (main.ts):
// a load balancer probes each instance by its address, and a probe must cost
// next to nothing.

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type OpsHandler = (req: IncomingMessage) => Promise<Answer>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Ready again within a few seconds is the usual case: the database restarting, a migration finishing. */
const RETRY_AFTER_SECONDS = '5';

const METRICS_PATH = '/api/metrics';

const ENDPOINTS = new Map<string, OpsHandler>([
  // Liveness: the process answers. Never the database: an outage there must not get every instance restarted.
  ['/api/health', async () => json(200, { status: 'ok' })],
  [
    '/api/ready',
    async () => {
      const readiness = await checkReadiness();
      return readiness.ready
        ? json(200, { status: 'ok' })
        : json(503, { status: 'unavailable', reason: readiness.reason }, { 'Retry-After': RETRY_AFTER_SECONDS });
    },
  ],
  [
    METRICS_PATH,
    async (req) => {
      const access = metricsAccess(req.headers.authorization, getConfig().METRICS_TOKEN);
      if (access === 'refused')
        return json(401, { error: 'Send METRICS_TOKEN as "Authorization: Bearer <token>".' }, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
      if (access === 'no-endpoint') return json(404, { error: 'Not found' });
      return { status: 200, headers: { 'Content-Type': METRICS_CONTENT_TYPE }, body: await metricsText() };
    },
  ],
]);

/** True for every path answered here, wherever the request was sent. */
export function isOpsPath(pathname: string): boolean {
  return ENDPOINTS.has(pathname);
}

/** The handler for `pathname`, or null for Next to answer. Without METRICS_TOKEN there is no metrics endpoint at all. */
export function opsEndpoint(pathname: string): OpsHandler | null {
  if (pathname === METRICS_PATH && !getConfig().METRICS_TOKEN) return null;
  return ENDPOINTS.get(pathname) ?? null;
}

export async function serveOps(handler: OpsHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let answer: Answer;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    answer = json(405, { error: 'Use GET.' }, { Allow: 'GET, HEAD' });
  } else {
    try {
      answer = await handler(req);
    } catch (error) {
      log.error({ err: error }, 'ops: could not answer');
      answer = json(500, { error: 'The server could not answer.' });
    }
  }
  // Probes and scrapes must see the instance as it is now, never a cached answer.
  res.writeHead(answer.status, { ...answer.headers, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}
