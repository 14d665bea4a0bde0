import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The demo's AUTH_SECRET, kept under `dataDir` so that a restart keeps people signed in. */
export function demoAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
