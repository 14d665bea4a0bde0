import { test as base } from '@playwright/test';
import { DemoProcess } from './demo-process';

// The demo as a fixture: its teardown runs however the test ends, a timeout
// included (a `finally` in the test body would not), so that no demo is left
// holding its ports, and its output goes into the report.

export const test = base.extend<{ demo: DemoProcess }>({
  demo: async ({}, use, testInfo) => {
    const demo = DemoProcess.launch();
    try {
      await use(demo);
    } finally {
      await testInfo.attach('npm run demo output', { body: demo.output(), contentType: 'text/plain' });
      await demo.cleanUp();
    }
  },
});

export { expect } from '@playwright/test';
