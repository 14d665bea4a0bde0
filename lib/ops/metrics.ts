import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { poolStats } from '../db';

// The Prometheus metrics of the process, served at /api/metrics
// (lib/server/ops-endpoints.ts). Labels are few and bounded: a route is a
// pattern (`scim /Users/:id`), never a path with ids in it, and tenants are
// counted only once the tenant is known to exist.

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Any other method a client invents counts as one label value. */
function methodLabel(method: string | undefined): string {
  return method && METHODS.has(method) ? method : 'other';
}

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const httpLabels = ['route', 'method', 'status'] as const;
  const poolGauge = (name: string, help: string, read: (stats: ReturnType<typeof poolStats>) => number) =>
    new Gauge({
      name,
      help,
      registers,
      // Read on scrape, so a quiet instance costs nothing between scrapes.
      collect() {
        this.set(read(poolStats()));
      },
    });
  poolGauge('orgwiki_db_pool_connections', 'Database connections the pool holds open, busy or idle.', (s) => s.total);
  poolGauge('orgwiki_db_pool_idle_connections', 'Open database connections no query is using.', (s) => s.idle);
  poolGauge('orgwiki_db_pool_waiting_queries', 'Queries waiting for a database connection.', (s) => s.waiting);
  return {
    registry,
    httpRequests: new Counter({
      name: 'orgwiki_http_requests_total',
      help: 'HTTP requests answered, by route, method and status.',
      labelNames: httpLabels,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'orgwiki_http_request_duration_seconds',
      help: 'Time from a request’s arrival to the end of its response, by route, method and status.',
      labelNames: httpLabels,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    scimOperations: new Counter({
      name: 'orgwiki_scim_operations_total',
      help: 'SCIM requests to existing tenants, by tenant subdomain, resource type, operation and status.',
      labelNames: ['tenant', 'resource', 'operation', 'status'] as const,
      registers,
    }),
  };
}

// On globalThis: a metric name can be registered only once per registry, and
// Next's bundle may load this module a second time in the same process.
const globalForMetrics = globalThis as unknown as { orgwikiMetrics?: ReturnType<typeof createMetrics> };
const metrics = (globalForMetrics.orgwikiMetrics ??= createMetrics());

export function observeHttpRequest(request: { route: string; method: string | undefined; status: number; seconds: number }): void {
  const labels = { route: request.route, method: methodLabel(request.method), status: String(request.status) };
  metrics.httpRequests.inc(labels);
  metrics.httpDuration.observe(labels, request.seconds);
}

export function countScimOperation(operation: { tenant: string; resource: string; operation: string; status: number }): void {
  metrics.scimOperations.inc({ ...operation, status: String(operation.status) });
}

export const METRICS_CONTENT_TYPE = metrics.registry.contentType;

export function metricsText(): Promise<string> {
  return metrics.registry.metrics();
}
