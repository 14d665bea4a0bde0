import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the fault tests (tests/faults) run the production
// build, restart databases and kill servers, so they run after `next build`,
// apart from the unit tests. Two files at once: each file's servers, ports and
// databases are its own, and much of a fault test is waiting for a restart.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
