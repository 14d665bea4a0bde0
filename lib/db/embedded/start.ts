import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../ports';
import { postgresBinaries } from './binaries';
import { prepareDataDir, serviceUser, type ServiceUser } from './service-user';

// The embedded database: a real PostgreSQL server (the binaries come from npm,
// see binaries.ts), started as a child of the process that owns the data
// folder and listening on loopback only. Every client (the app's pool, the
// operator CLI, the identity provider) gets a session of its own, exactly as on
// a production server, so nothing a client does (prepared statements, SET,
// transactions, advisory locks) reaches another. docs/embedded-database.md
// says what it supports. Production always sets DATABASE_URL.

/** EMBEDDED_DB_DIR's value for a throwaway database, gone when stopped (tests, benches). */
export const THROWAWAY_DATA_DIR = 'memory://';

export interface EmbeddedDatabase {
  url: string;
  /** Where the server keeps its files (and its log, in log/). */
  dataDir: string;
  stop(): Promise<void>;
}

/** How a client reaches an embedded database listening at `hostAndPort`. */
export function embeddedDatabaseUrl(hostAndPort: string): string {
  return `postgresql://postgres@${hostAndPort}/postgres?sslmode=disable`;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

function run(command: string, args: string[], user: ServiceUser | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { uid: user?.uid, gid: user?.gid, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output}`))));
  });
}

const THROWAWAY_PREFIX = 'orgwiki-pg-';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes throwaway folders that outlived their server: a test process killed
 * mid-run cannot clean up after itself. An hour's grace spares a folder whose
 * server is still being initialised.
 */
function sweepThrowaways(parent: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(THROWAWAY_PREFIX)) continue;
    const dir = path.join(parent, name);
    if (Date.now() - statSync(dir).mtimeMs < 3_600_000) continue;
    const pid = postmasterPid(dir);
    if (pid && isRunning(pid)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Throwaway data lives in shared memory where there is some: nothing of it needs to survive. */
function throwawayDir(): string {
  let parent = os.tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    parent = '/dev/shm';
  } catch {
    // No writable /dev/shm (macOS): the temporary folder serves.
  }
  sweepThrowaways(parent);
  return mkdtempSync(path.join(parent, THROWAWAY_PREFIX));
}

function serverArgs(dataDir: string, port: number, throwaway: boolean): string[] {
  const settings = [
    'listen_addresses=127.0.0.1',
    // TCP only: a socket file in /tmp would clash with another server's on the same port.
    'unix_socket_directories=',
    // The server's own log stays beside its data (log/ in the data folder), out of the app's output.
    'logging_collector=on',
    'log_directory=log',
    'log_filename=postgresql-%a.log',
    'log_truncate_on_rotation=on',
    'log_rotation_age=1d',
    // Durability is worth nothing for data thrown away at the end, and costs a test run time.
    ...(throwaway ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
  ];
  return ['-D', dataDir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])];
}

/**
 * Starts the server. Its own process group keeps a terminal's Ctrl+C from
 * reaching it before the app has stopped; on Linux, setpriv's parent-death
 * signal stops it (fast shutdown: open transactions roll back, the files stay
 * consistent) if its owner is killed without warning.
 */
function spawnServer(binary: string, args: string[], user: ServiceUser | null): ChildProcess {
  const setpriv = '/usr/bin/setpriv';
  const [command, commandArgs] = existsSync(setpriv) ? [setpriv, ['--pdeathsig', 'INT', '--', binary, ...args]] : [binary, args];
  return spawn(command, commandArgs, {
    uid: user?.uid,
    gid: user?.gid,
    detached: true,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function waitUntilReady(url: string, server: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The embedded PostgreSQL did not start (exit ${server.exitCode ?? server.signalCode}):\n${stderr()}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`The embedded PostgreSQL did not answer within ${START_TIMEOUT_MS / 1000} s: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exited(server: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

/**
 * A server whose owner was just killed is told to stop (see spawnServer) and
 * closes its port before it has finished; starting another on the same files
 * meanwhile fails on its lock file, so wait for it to go.
 */
async function waitForPreviousServer(dataDir: string): Promise<void> {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  for (let pid = postmasterPid(dataDir); pid && isRunning(pid); pid = postmasterPid(dataDir)) {
    if (Date.now() > deadline) throw new Error(`Another PostgreSQL (process ${pid}) still runs on ${dataDir}; stop it, or set EMBEDDED_DB_PORT to its port.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `dataDir` is a folder kept between runs (created and initialised on first
 * use) or THROWAWAY_DATA_DIR. Port 0 picks a free one.
 */
export async function startEmbeddedDatabase(options: { dataDir: string; port: number }): Promise<EmbeddedDatabase> {
  const throwaway = options.dataDir.startsWith(THROWAWAY_DATA_DIR);
  const binaries = postgresBinaries();
  const user = serviceUser();
  const dataDir = prepareDataDir(throwaway ? throwawayDir() : path.resolve(options.dataDir), user);
  await waitForPreviousServer(dataDir);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // The builtin C.UTF-8 locale sorts and compares text the same on every
    // machine, whatever locales its operating system has installed.
    await run(
      binaries.initdb,
      [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        '--no-instructions',
      ],
      user,
    );
  }
  const port = options.port || (await freePort());
  const server = spawnServer(binaries.postgres, serverArgs(dataDir, port, throwaway), user);
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-8_000)));
  const url = embeddedDatabaseUrl(`127.0.0.1:${port}`);
  const stop = async () => {
    // SIGINT is PostgreSQL's fast shutdown; SIGQUIT, if that hangs, its immediate one (recovered from the WAL at the next start).
    server.kill('SIGINT');
    if (!(await exited(server, STOP_TIMEOUT_MS))) {
      server.kill('SIGQUIT');
      await exited(server, STOP_TIMEOUT_MS);
    }
    if (throwaway) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, server, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, stop };
}
