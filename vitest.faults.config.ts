import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the fault tests (tests/faults) run the production
// build, restart databases and kill servers, so they run after `next build`,
// one file at a time, apart from the unit tests.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
