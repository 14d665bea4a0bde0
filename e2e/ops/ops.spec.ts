import { randomUUID } from 'node:crypto';
import { E2E_METRICS_TOKEN, E2E_PORT, E2E_ROOT } from '../../playwright.config';
import { httpRequest } from '../support/http';
import { expect, test } from '../support/scim-fixtures';

// Health, readiness, metrics and request ids on the tests' running server, as
// a load balancer and a Prometheus scraper see them.

const get = (path: string, options: { host?: string; headers?: Record<string, string> } = {}) =>
  httpRequest({ port: E2E_PORT, host: options.host ?? E2E_ROOT, path, headers: options.headers });

const scrape = (token: string | null) => get('/api/metrics', { headers: token ? { Authorization: `Bearer ${token}` } : {} });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('health and readiness answer on every host, uncached', async () => {
  for (const host of [E2E_ROOT, `acme.${E2E_ROOT}`, `no-such-tenant.${E2E_ROOT}`]) {
    const health = await get('/api/health', { host });
    expect(health.status, host).toBe(200);
    expect(health.json).toEqual({ status: 'ok' });
    expect(health.headers['cache-control']).toBe('no-store');
    const ready = await get('/api/ready', { host });
    expect(ready.status, host).toBe(200);
    expect(ready.json).toEqual({ status: 'ok' });
  }
  const post = await httpRequest({ port: E2E_PORT, host: E2E_ROOT, method: 'POST', path: '/api/health', body: '' });
  expect(post.status).toBe(405);
  expect(post.headers.allow).toBe('GET, HEAD');
});

test('every response carries a request id: the caller’s when it is sane, else a new one', async ({ tenant }) => {
  const sent = `lb-${randomUUID()}`;
  for (const response of [
    await get('/api/health', { headers: { 'X-Request-Id': sent } }),
    await get('/', { headers: { 'X-Request-Id': sent } }),
    await tenant.scim.get('/Users', undefined, { 'X-Request-Id': sent }),
  ]) {
    expect(response.headers['x-request-id']).toBe(sent);
  }
  const generated = await get('/');
  expect(generated.headers['x-request-id']).toMatch(UUID);
  // Anything that could forge or break a log line is replaced.
  for (const insane of ['has space', 'x'.repeat(129), '"quoted"', 'a\u00e9b']) {
    const response = await get('/api/health', { headers: { 'X-Request-Id': insane } });
    expect(response.headers['x-request-id'], insane).toMatch(UUID);
  }
});

test('metrics need the token', async () => {
  expect((await scrape(null)).status).toBe(401);
  const wrong = await scrape(`${E2E_METRICS_TOKEN}x`);
  expect(wrong.status).toBe(401);
  expect(wrong.headers['www-authenticate']).toContain('Bearer');
  expect((await get('/api/metrics', { headers: { Authorization: `Basic ${E2E_METRICS_TOKEN}` } })).status).toBe(401);
  const right = await scrape(E2E_METRICS_TOKEN);
  expect(right.status).toBe(200);
  expect(right.headers['content-type']).toContain('text/plain');
});

test('metrics count SCIM operations by tenant, HTTP requests by route, and the database pool', async ({ tenant }) => {
  const created = await tenant.scim.post('/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'metrics.person@example.com' });
  expect(created.status).toBe(201);
  expect((await tenant.scim.get(`/Users/${created.json.id}`)).status).toBe(200);
  expect((await tenant.scim.get('/Users?filter=userName eq "metrics.person@example.com"')).status).toBe(200);
  expect((await tenant.scim.get(`/Users/${randomUUID()}`)).status).toBe(404);

  const { text } = await scrape(E2E_METRICS_TOKEN);
  const sample = (name: string, labels: string) => new RegExp(`^${name}\\{${labels}\\} (\\d+(?:\\.\\d+)?)$`, 'm').exec(text)?.[1];
  const scim = (resource: string, operation: string, status: number) =>
    sample('orgwiki_scim_operations_total', `tenant="${tenant.subdomain}",resource="${resource}",operation="${operation}",status="${status}"`);
  expect(scim('User', 'create', 201)).toBe('1');
  expect(scim('User', 'get', 200)).toBe('1');
  expect(scim('User', 'list', 200)).toBe('1');
  expect(scim('User', 'get', 404)).toBe('1');

  // Routes are patterns: ids never become label values.
  expect(Number(sample('orgwiki_http_requests_total', 'route="scim /Users/:id",method="GET",status="200"'))).toBeGreaterThanOrEqual(1);
  expect(Number(sample('orgwiki_http_request_duration_seconds_count', 'route="scim /Users",method="POST",status="201"'))).toBeGreaterThanOrEqual(1);
  expect(text).not.toContain(created.json.id);
  expect(text).not.toContain('metrics.person');

  for (const gauge of ['orgwiki_db_pool_connections', 'orgwiki_db_pool_idle_connections', 'orgwiki_db_pool_waiting_queries']) {
    expect(text).toMatch(new RegExp(`^${gauge} \\d+$`, 'm'));
  }
  expect(Number(/^orgwiki_db_pool_connections (\d+)$/m.exec(text)![1])).toBeGreaterThanOrEqual(1);
  // Node's own figures, from prom-client's defaults.
  expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
});
