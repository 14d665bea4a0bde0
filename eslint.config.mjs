import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layering rules of the codebase, enforced rather than hoped for.
const prismaInternals = {
  group: ['**/db/client', '**/db/generated/**', '@prisma/client', '@prisma/client/*'],
  message: 'Only lib/db talks to Prisma; use tenantDb() or platformDb from lib/db.',
};

// Raw SQL runs through tenantSql() in lib/db, which pins the tenant; tests may inspect the database directly.
const rawDriver = { group: ['pg', 'pg-pool'], message: 'Only lib/db talks to PostgreSQL; use tenantSql() or a function of lib/db.' };

// tools/ (CLI, simulator, local identity provider, seeding, cluster launcher) drives the product from outside; the product never needs it.
const tooling = { group: ['**/tools/**', '@/tools/**'], message: 'The running product never imports tools/; move what both need into lib/.' };

const domainNotDb = {
  group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*'],
  message: 'Call a domain function in lib/<area>/ instead of the database.',
};
const ui = { group: ['@/app/**', '@/components/**'], message: 'lib/ is below the routes and components: it never imports them.' };
const routes = { group: ['@/app/**', '**/app/**'], message: 'Components never import from app/: take the server action as a prop.' };

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['lib/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [prismaInternals] }] },
  },
  {
    files: ['lib/**', 'app/**', 'components/**', 'proxy.ts'],
    ignores: ['lib/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [prismaInternals, rawDriver, tooling] }] },
  },
  {
    // Domain code knows nothing of pages or components.
    files: ['lib/**'],
    ignores: ['lib/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [prismaInternals, rawDriver, tooling, ui] }] },
  },
  {
    files: ['lib/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tooling, ui] }] },
  },
  {
    // Specs take `test` from e2e/support/test.ts, whose fixture fails a test on a server error nobody expected.
    // The demo walk (e2e/demo) starts no shared server: its fixture checks the demo's own output.
    files: ['e2e/**'],
    ignores: ['e2e/support/test.ts', 'e2e/demo/support/fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [prismaInternals],
          paths: [{ name: '@playwright/test', importNames: ['test'], message: 'Import `test` from e2e/support/test.ts: it checks the server logs.' }],
        },
      ],
    },
  },
  {
    // Playwright fixtures call their callback `use`; these folders hold no React.
    files: ['e2e/**', 'tests/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Routes and UI call domain functions; they never query the database themselves.
    files: ['app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [prismaInternals, rawDriver, tooling, domainNotDb] }] },
  },
  {
    // Components sit below the routes: a route passes its server actions in as props.
    files: ['components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [prismaInternals, rawDriver, tooling, domainNotDb, routes] }] },
  },
];

export default config;
