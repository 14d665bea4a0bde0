import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../lib/config';

// lib/config.ts is the one list of the product's settings; .env.example and
// the README's Configuration table must name each of them, and nothing the
// product does not read.

/** Read by the launcher, the tests or the build rather than lib/config.ts; each documented in the README. */
const OUTSIDE_CONFIG = ['PORT', 'TEST_DATABASE_URL', 'TEST_REDIS_URL', 'CHROMIUM_PATH', 'NGINX_PATH', 'E2E_PORT', 'NEXT_TELEMETRY_DISABLED'];

function readmeSettings(): string[] {
  const readme = fs.readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  return [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
}

function exampleSettings(): string[] {
  return [...fs.readFileSync('.env.example', 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
}

describe('the settings', () => {
  it("are each in the README's Configuration table, which names nothing else", () => {
    const documented = readmeSettings();
    expect(CONFIG_KEYS.filter((key) => !documented.includes(key))).toEqual([]);
    expect(documented.filter((key) => !(CONFIG_KEYS as string[]).includes(key) && !OUTSIDE_CONFIG.includes(key))).toEqual([]);
  });

  it('are each in .env.example, once, which names nothing else but PORT', () => {
    const example = exampleSettings();
    expect(CONFIG_KEYS.filter((key) => !example.includes(key))).toEqual([]);
    expect(example.filter((key) => !(CONFIG_KEYS as string[]).includes(key) && key !== 'PORT')).toEqual([]);
    expect(example.length).toBe(new Set(example).size);
  });
});
