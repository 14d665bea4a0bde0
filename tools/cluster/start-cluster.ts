import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { nginxConfig } from './nginx-config';

// Several instances of the production server (lib/server/main.ts, exactly as
// `npm start` runs it) on loopback ports, behind nginx on the port of
// ROOT_DOMAIN: what a deployment with a load balancer looks like, on one
// machine. The database is migrated and the build made by the caller. Every
// process runs in a process group of its own (Next may start workers) and is
// ended by stop(), or, should the caller die first, when its process exits.

const ROOT = path.resolve(import.meta.dirname, '../..');
const READY_MS = 90_000;

export interface ClusterOptions {
  /** App instances behind nginx. */
  instances?: number;
  /** nginx's port; default the port of `rootDomain`, else 3000. */
  port?: number;
  /** The apex host; default `localhost:<port>`. */
  rootDomain?: string;
  /** Default: `port + 10` onwards (the demo's identity provider takes `port + 1` and `+ 2`). */
  instancePorts?: number[];
  databaseUrl: string;
  /** Shared rate limits and the revocation broadcast; default redis://127.0.0.1:6379. */
  redisUrl?: string;
  /** Shared by every instance (sign-in cookies); default a random one. */
  authSecret?: string;
  /** More environment for the instances, e.g. SCIM_RATE_LIMIT_PER_SECOND or the identity provider's settings. */
  env?: Record<string, string>;
  /** Also print every process's output, each line prefixed with its name. */
  echo?: boolean;
  /** Also hand every process's output to this as it comes, e.g. to a test that checks it (logDir goes with stop()). */
  onOutput?: (name: string, stream: 'stdout' | 'stderr', chunk: string) => void;
}

export interface Cluster {
  /** The apex through nginx, e.g. http://localhost:3000 (a name other than localhost must resolve to this machine). */
  url: string;
  rootDomain: string;
  port: number;
  instancePorts: number[];
  /** Where each process writes its output (app-1.log, …, nginx.log); removed by stop(). */
  logDir: string;
  /** Ends instance `i` (0-based) with `signal` and waits for it; nginx passes its requests to the others. */
  killInstance(i: number, signal?: NodeJS.Signals): Promise<void>;
  /** Ends instance `i` if it runs, starts it again and waits until it answers. */
  restartInstance(i: number): Promise<void>;
  /** Ends nginx and every instance, and removes logDir. */
  stop(): Promise<void>;
}

export const nginxPath = () => process.env.NGINX_PATH ?? '/usr/sbin/nginx';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The status of GET `pathname` on a loopback port with `host` as the Host header, or null when nothing answers. */
function probe(port: number, host: string, pathname = '/'): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers: { Host: host }, agent: false, timeout: 5_000 }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode ?? null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null)).end();
  });
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Signals a child's whole process group (Next may start workers). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Ends a child's process group and waits for the child; SIGKILL after 5 s. */
async function end(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, signal);
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Spawns `command` in its own process group, its output appended to `logFile` (echoed with `name`, and handed on, when asked). */
function launch(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  options: Pick<ClusterOptions, 'echo' | 'onOutput'>,
): ChildProcess {
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [stream, from] of [
    ['stdout', child.stdout!],
    ['stderr', child.stderr!],
  ] as const) {
    let partial = '';
    from.setEncoding('utf8').on('data', (chunk: string) => {
      log.write(chunk);
      options.onOutput?.(name, stream, chunk);
      if (!options.echo) return;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) console.log(`[${name}] ${line}`);
    });
  }
  child.on('close', () => log.end());
  return child;
}

async function waitUntil(what: string, child: ChildProcess, logFile: string, answers: () => Promise<boolean>): Promise<void> {
  for (const started = Date.now(); !(await answers()); await new Promise((r) => setTimeout(r, 200))) {
    if (!running(child)) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}); see ${logFile}:\n${tail(logFile)}`);
    if (Date.now() - started > READY_MS) throw new Error(`${what} did not answer within ${READY_MS / 1000} s; see ${logFile}:\n${tail(logFile)}`);
  }
}

const tail = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '');

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const count = options.instances ?? 2;
  const port = options.port ?? Number(options.rootDomain?.split(':')[1] ?? 3000);
  const rootDomain = options.rootDomain ?? `localhost:${port}`;
  if (rootDomain.includes(':') && Number(rootDomain.split(':')[1]) !== port)
    throw new Error(`ROOT_DOMAIN ${rootDomain} names another port than nginx's ${port}`);
  const instancePorts = options.instancePorts ?? Array.from({ length: count }, (_, i) => port + 10 + i);
  if (instancePorts.length !== count) throw new Error(`${count} instances need ${count} ports, got ${instancePorts.length}`);
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  if (!fs.existsSync(nginxPath())) throw new Error(`No nginx at ${nginxPath()}: apt-get install nginx, or set NGINX_PATH.`);
  for (const p of [port, ...instancePorts]) if (!(await portIsFree(p))) throw new Error(`Port ${p} is in use.`);

  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgwiki-cluster-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl ?? 'redis://127.0.0.1:6379',
    AUTH_SECRET: options.authSecret ?? randomBytes(32).toString('base64url'),
    ROOT_DOMAIN: rootDomain,
    // nginx stands before every instance.
    TRUSTED_PROXY_HOPS: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const instances: (ChildProcess | null)[] = instancePorts.map(() => null);
  let nginx: ChildProcess | null = null;

  // Should the caller exit without stop() (a crash, process.exit), the children must not outlive it.
  const killAllNow = () => {
    for (const child of [nginx, ...instances]) if (child && running(child)) signalGroup(child, 'SIGKILL');
  };
  process.on('exit', killAllNow);

  const appLog = (i: number) => path.join(logDir, `app-${i + 1}.log`);
  async function startInstance(i: number): Promise<void> {
    const child = launch(
      `app-${i + 1}`,
      process.execPath,
      ['--import', 'tsx', path.join('lib', 'server', 'main.ts'), '--port', String(instancePorts[i])],
      { ...env, PORT: String(instancePorts[i]) },
      appLog(i),
      options,
    );
    instances[i] = child;
    await waitUntil(`Instance ${i + 1} (port ${instancePorts[i]})`, child, appLog(i), async () => (await probe(instancePorts[i], rootDomain)) !== null);
  }

  let stopping: Promise<void> | null = null;
  const stop = (keepLogs = false) =>
    (stopping ??= (async () => {
      await Promise.all([nginx, ...instances].map((child) => child && end(child)));
      process.off('exit', killAllNow);
      if (!keepLogs) fs.rmSync(logDir, { recursive: true, force: true });
    })());

  try {
    await Promise.all(instancePorts.map((_, i) => startInstance(i)));
    const conf = path.join(logDir, 'nginx.conf');
    fs.writeFileSync(conf, nginxConfig({ port, instancePorts, prefix: logDir, asRoot: process.getuid?.() === 0 }));
    const nginxLog = path.join(logDir, 'nginx.log');
    nginx = launch('nginx', nginxPath(), ['-p', logDir, '-c', conf, '-e', 'stderr'], process.env, nginxLog, options);
    await waitUntil('nginx', nginx, nginxLog, async () => (await probe(port, rootDomain)) !== null);
  } catch (error) {
    await stop(true); // the error names a log file to read
    throw error;
  }

  return {
    url: `http://${rootDomain.includes(':') ? rootDomain : `${rootDomain}:${port}`}`,
    rootDomain,
    port,
    instancePorts,
    logDir,
    async killInstance(i, signal = 'SIGKILL') {
      const child = instances[i];
      if (child) await end(child, signal);
    },
    async restartInstance(i) {
      const child = instances[i];
      if (child) await end(child);
      await startInstance(i);
    },
    stop: () => stop(),
  };
}
