import { defineConfig, devices } from '@playwright/test';

// Browser tests drive Debian's Chromium (Playwright cannot download its own
// browsers here) against the production build, served on its own port and
// ROOT_DOMAIN so that acme.localhost:3100 is the demo tenant.
// E2E_PORT moves the whole run (app, identity provider at +1 and +2, database
// names), so that two checkouts can run their browser tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ROOT = `localhost:${E2E_PORT}`;
/** The metrics endpoint's bearer token on the tests' server. */
export const E2E_METRICS_TOKEN = 'e2e-metrics-token-0123456789abcdef';

/** Debian's Chromium, which Playwright cannot download here, and the flags it needs in a container. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two browsers at once on two cores: the server waits on the database often enough to keep up.
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  // Specs that make tenants and sign people in take 25-31 s on CI's two cores; a page that answers
  // in 1 s idle can take 5 there, so expectations wait up to 10.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://${E2E_ROOT}`,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [
    { name: 'desktop', testIgnore: [/e2e\/(scim|ops|cluster|demo)\//, /e2e\/security\/isolation-matrix\.spec\.ts$/], use: { ...devices['Desktop Chrome'] } },
    // What a phone changes, tagged @phone: the org chart's touch and zoom, the directory's filters, and
    // every screen fitting the window (that spec visits each). The rest behaves the same at any width,
    // and the admin spec checks phone width itself.
    { name: 'phone', testMatch: /e2e\/(org\/.*|people\/directory)\.spec\.ts$/, grep: /@phone/, use: { ...devices['Pixel 7'] } },
    // SCIM and the operations endpoints are machine-to-machine: real HTTP, no browser.
    { name: 'scim', testMatch: /e2e\/(scim|ops)\/.*\.spec\.ts$|e2e\/security\/isolation-matrix\.spec\.ts$/ },
    // Two production instances behind nginx, on a database of their own (e2e/support/cluster-site.ts).
    { name: 'cluster', testMatch: /e2e\/cluster\/.*\.spec\.ts$/, use: { ...devices['Desktop Chrome'] } },
  ],
  // Fails the run on any error line of the shared server that no test expected (e2e/support/test.ts).
  globalTeardown: './e2e/support/server-log-teardown.ts',
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs e2e/support/start-server.ts',
    url: `http://${E2E_ROOT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    // A low SCIM rate limit, so that the rate-limit spec can reach it quickly. The specs stand in
    // for a load balancer (one trusted hop), so that X-Forwarded-For gives each client an address.
    env: {
      ROOT_DOMAIN: E2E_ROOT,
      PORT: String(E2E_PORT),
      NEXT_TELEMETRY_DISABLED: '1',
      SCIM_RATE_LIMIT_PER_SECOND: '100',
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      TRUSTED_PROXY_HOPS: '1',
    },
  },
});
