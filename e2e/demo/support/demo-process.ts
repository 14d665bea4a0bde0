import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { httpRequest } from '../../support/http';
import { errorLines } from '../../support/server-log';
import { Child, type Exit } from './child';
import { DEMO_PORT, DEMO_PORTS, demoHost } from './demo-site';
import { newcomerEnv, type EmbeddedDb } from './newcomer-env';
import { freePort } from '../../../lib/ports';
import { listeningPorts } from './ports';

// `npm run demo` exactly as the README starts it (it builds, then runs
// tools/cli/serve.ts start --demo), on the demo's own port, on an embedded
// database in a fresh folder.

/** `next build` alone can take ~3 minutes on a busy two-core machine. */
const READY_WITHIN_MS = 10 * 60_000;

export class DemoProcess {
  /** Where the demo keeps its database (a fresh folder) and the port it serves it on, for the tools run beside it. */
  readonly db: EmbeddedDb;
  private child: Child | null = null;

  /** Starts `npm run demo`; `ready()` waits for it to serve. */
  static launch(): DemoProcess {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orgwiki-demo-e2e-'));
    return new DemoProcess(tmp);
  }

  private constructor(private readonly tmp: string) {
    this.db = { dir: path.join(tmp, 'pglite'), port: 0 };
  }

  /** Until the server logs that it listens and the landing page answers 200; fails with the output if the demo exits first. */
  async ready(): Promise<void> {
    const busy = await listeningPorts(DEMO_PORTS);
    if (busy.length > 0) throw new Error(`Port(s) ${busy.join(', ')} are taken (a demo left running?); set DEMO_E2E_PORT to move this run.`);
    this.db.port = await freePort();
    const child = new Child('npm', ['run', 'demo'], newcomerEnv(this.db));
    this.child = child;
    const until = Date.now() + READY_WITHIN_MS;
    const listening = () =>
      this.output()
        .split('\n')
        .some((line) => line.startsWith('{') && line.includes('"msg":"listening"'));
    while (!listening()) {
      if (!child.running) throw new Error(`npm run demo exited (${JSON.stringify(await child.exited)}) before serving:\n${this.output().slice(-4_000)}`);
      if (Date.now() > until) throw new Error(`npm run demo did not serve within ${READY_WITHIN_MS / 60_000} min:\n${this.output().slice(-4_000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const landing = await httpRequest({ port: DEMO_PORT, host: demoHost(), path: '/' });
    if (landing.status !== 200) throw new Error(`The landing page answered ${landing.status} once the demo listened:\n${landing.text.slice(0, 500)}`);
  }

  /** Everything the demo printed so far, stdout and stderr. */
  output(): string {
    return this.child?.output() ?? '';
  }

  errorLines(): string[] {
    return errorLines(this.output());
  }

  /**
   * Ctrl+C in the terminal: SIGINT to every process of the demo. Answers
   * `npm run demo`'s exit status as a shell shows it (128 + the signal's
   * number when it ended by a signal, null when it had not exited after 30 s)
   * and which ports are still open once every process it started is gone (or
   * 30 s have passed).
   */
  async interrupt(): Promise<{ status: number | null; exit: Exit; allGone: boolean; stillListening: number[] }> {
    const child = this.child!;
    child.signalGroup('SIGINT');
    const exit = await Promise.race([child.exited, new Promise<Exit>((r) => setTimeout(() => r({ code: null, signal: null }), 30_000))]);
    const status = exit.code ?? (exit.signal ? 128 + os.constants.signals[exit.signal] : null);
    const allGone = await child.groupGone(30_000);
    return { status, exit, allGone, stillListening: await listeningPorts([...DEMO_PORTS, this.db.port]) };
  }

  /** Whatever happened: nothing of the run is left running, and its temporary database is deleted. */
  async cleanUp(): Promise<void> {
    const child = this.child;
    if (child?.groupAlive()) {
      child.signalGroup('SIGINT');
      if (!(await child.groupGone(15_000))) await child.kill();
    }
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}
