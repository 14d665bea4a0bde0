import http from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { getConfig } from '../config';
import { disconnectDb } from '../db';
import { routeConsoleToLog } from '../ops/console';
import { startJobs, stopJobs } from '../jobs/queue';
import { log } from '../log/log';
import { markDraining } from '../ops/readiness';
import { LOG_QUEUES } from '../admin/log-retention';
import { ALERT_QUEUES } from '../alerts/alert-jobs';
import { closeMailer } from '../mail/mailer';
import { NOTIFICATION_QUEUES } from '../notifications/digest';
import { PHOTO_QUEUES } from '../photos/photo-jobs';
import { flushProvisioningLog } from '../scim/provisioning-log-queue';
import { closeScimLimiters } from '../scim/rate-limit';
import { apiSecurityHeaders, securitySettings } from '../security/headers';
import { siteOrigin } from '../tenancy/host';
import { isScimPath } from '../tenancy/routing';
import { stampClientAddress } from '../security/client-address';
import { observeRequest } from './observe-request';
import { opsEndpoint, serveOps } from './ops-endpoints';
import { toOriginForm } from './request-target';
import { serveScim } from './scim-bridge';
import { stopGracefully } from './shutdown';

// The HTTP server of the product: Next.js for pages and the app's own routes,
// the SCIM handler for everything under /api/v2/scim/v2, and health,
// readiness and metrics (ops-endpoints.ts). SCIM is served beside Next rather
// than through it because Entra's cycles are thousands of machine requests,
// and Next's per-request pipeline (proxy, router, React's request context)
// costs more CPU than answering one of them.

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false }, port: { type: 'string' } } });
// In development Next's console output (compiling, errors with code frames) is for the person at the terminal.
if (!values.dev) routeConsoleToLog();
const { ROOT_DOMAIN, TRUSTED_PROXY_HOPS } = getConfig();
// Auth.js builds its callback URL from AUTH_URL; it lives on the apex.
process.env.AUTH_URL ??= `${siteOrigin(ROOT_DOMAIN)}/api/auth`;
const port = Number(values.port ?? process.env.PORT ?? ROOT_DOMAIN.split(':')[1] ?? 3000);
/** Longer than any page or SCIM request takes, shorter than an orchestrator's usual 30 s grace period. */
const DRAIN_DEADLINE_MS = 10_000;

const app = next({ dev: values.dev, turbopack: values.dev, port, dir: process.cwd() });
const handleNext = app.getRequestHandler();
await app.prepare();

// Every response gets them, whoever answers it; the proxy gives pages their own policy, with a nonce.
const securityHeaders = Object.entries(apiSecurityHeaders(securitySettings(getConfig(), values.dev)));

const server = http.createServer((req, res) => {
  for (const [name, value] of securityHeaders) res.setHeader(name, value);
  // Everything below routes on the path alone: `GET http://host/path` is rewritten to it first.
  if (!toOriginForm(req)) return void res.writeHead(400).end();
  const pathname = (req.url ?? '/').split('?')[0];
  stampClientAddress(req, TRUSTED_PROXY_HOPS);
  observeRequest(req, res, pathname, ROOT_DOMAIN, () => {
    const ops = opsEndpoint(pathname);
    if (ops) void serveOps(ops, req, res);
    else if (isScimPath(pathname)) void serveScim(req, res, ROOT_DOMAIN);
    else void handleNext(req, res);
  });
});
if (values.dev) {
  const upgrade = app.getUpgradeHandler();
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
}
server.keepAliveTimeout = 65_000; // longer than the usual load balancer's idle timeout
server.listen(port, () => log.info({ port }, 'listening'));
// Background work (photos from Microsoft Graph, the log's retention, alerts, digests) runs from the durable queue in every instance.
startJobs([...PHOTO_QUEUES, ...LOG_QUEUES, ...ALERT_QUEUES, ...NOTIFICATION_QUEUES]);

stopGracefully(server, {
  deadlineMs: DRAIN_DEADLINE_MS,
  onDrain: markDraining,
  // In this order: the job queue and the provisioning-log queue write to the database, which closes last.
  async release() {
    await stopJobs();
    await flushProvisioningLog();
    await closeScimLimiters();
    closeMailer();
    await app.close();
    await disconnectDb();
  },
});
