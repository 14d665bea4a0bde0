import { CONFIG_KEYS } from '../../../lib/config';
import { DEMO_ROOT, DEMO_PORT } from './demo-site';

// The environment of someone who has just cloned the repository: none of the
// product's settings (lib/config.ts) are set, so the demo takes its embedded
// database and local identity provider, not this machine's PostgreSQL and
// Redis (DATABASE_URL, REDIS_URL) nor anything a test run left in the shell.
const PRODUCT_SETTINGS = [
  ...CONFIG_KEYS,
  'TEST_DATABASE_URL',
  'NODE_EXTRA_CA_CERTS',
  'PORT',
  // A test runner's NODE_ENV would change what `next build` makes.
  'NODE_ENV',
];

export interface EmbeddedDb {
  /** A fresh folder: the run starts from an empty database, as a newcomer's first one does. */
  dir: string;
  port: number;
}

/** The demo's environment, and that of the tools run beside it (they find its database by EMBEDDED_DB_PORT). */
export function newcomerEnv(db: EmbeddedDb): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of PRODUCT_SETTINGS) delete env[name];
  return {
    ...env,
    PORT: String(DEMO_PORT),
    ROOT_DOMAIN: DEMO_ROOT,
    EMBEDDED_DB_DIR: db.dir,
    EMBEDDED_DB_PORT: String(db.port),
    NEXT_TELEMETRY_DISABLED: '1',
  };
}
