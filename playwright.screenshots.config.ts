import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run screenshots`: the same server as the browser tests, one desktop browser, and only the screenshot scripts.
export default defineConfig({
  ...base,
  testDir: 'e2e/screenshots',
  testMatch: /\.screens\.ts$/,
  projects: [{ name: 'screenshots', use: { ...base.use } }],
});
