import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '../log/log';
import { observeHttpRequest } from '../ops/metrics';
import { requestIdFrom, runInRequest } from '../log/request-context';
import { parseHost } from '../tenancy/host';
import { routeLabel } from './route-label';

// What every request leaves behind, whoever answers it: an id (echoed as
// X-Request-Id and on every log line written while it is served), one access
// line, and its count and latency in the metrics.
//
// The access line names the path alone: query strings can carry emails (SCIM
// filters) and one-time tickets, and headers carry tokens and cookies.

const MAX_LOGGED_PATH = 200;

export function observeRequest(req: IncomingMessage, res: ServerResponse, pathname: string, rootDomain: string, serve: () => void): void {
  const started = performance.now();
  const requestId = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', requestId);
  res.once('close', () => {
    const ms = performance.now() - started;
    const host = parseHost(req.headers.host, rootDomain);
    log.info(
      {
        // Named here: 'close' is not emitted within the request's async context.
        requestId,
        method: req.method,
        path: pathname.slice(0, MAX_LOGGED_PATH),
        status: res.statusCode,
        durationMs: Math.round(ms * 10) / 10,
        ...(host.kind === 'tenant' ? { tenant: host.subdomain } : {}),
        // The client went away before the whole response was sent.
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
    observeHttpRequest({ route: routeLabel(pathname, req.method), method: req.method, status: res.statusCode, seconds: ms / 1000 });
  });
  runInRequest({ requestId }, serve);
}
