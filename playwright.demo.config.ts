import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './playwright.config';

// `npx playwright test --config playwright.demo.config.ts`: the demo as a
// newcomer runs it (e2e/demo/). No webServer: the spec starts `npm run demo`
// itself, since starting it is part of what is tested. One worker, one long
// test: the build alone can take ~3 minutes on a busy two-core machine, then
// come the walk, a provisioning cycle and 15-second pauses.

export default defineConfig({
  testDir: 'e2e/demo',
  testMatch: /\.spec\.ts$/,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 45 * 60_000,
  expect: { timeout: 15_000 },
  use: {
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [{ name: 'demo', use: { ...devices['Desktop Chrome'] } }],
});
