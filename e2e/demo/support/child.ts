import { spawn, type ChildProcess } from 'node:child_process';

// A command run as a child process in its own process group, with its stdout
// and stderr kept in order of arrival. Its own group, so that SIGINT reaches
// every process under it as a terminal's Ctrl+C does (npm → sh → tsx → node),
// and so that a cleanup can end all of them by the group's id and nothing else.

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class Child {
  readonly process: ChildProcess;
  readonly exited: Promise<Exit>;
  private chunks: string[] = [];
  private stderrChunks: string[] = [];

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.process = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process.stdout!.setEncoding('utf8').on('data', (text: string) => this.chunks.push(text));
    this.process.stderr!.setEncoding('utf8').on('data', (text: string) => {
      this.chunks.push(text);
      this.stderrChunks.push(text);
    });
    this.exited = new Promise((resolve, reject) => {
      this.process.once('error', reject);
      // 'close', not 'exit': the output has been read to its end.
      this.process.once('close', (code, signal) => resolve({ code, signal }));
    });
  }

  /** stdout and stderr together, as a terminal would show them. */
  output(): string {
    return this.chunks.join('');
  }

  stderr(): string {
    return this.stderrChunks.join('');
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Whether any process of the group is left (the launcher can exit before what it started). */
  groupAlive(): boolean {
    try {
      process.kill(-this.process.pid!, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** Sends `signal` to every process of the group. */
  signalGroup(signal: NodeJS.Signals): void {
    if (this.groupAlive()) process.kill(-this.process.pid!, signal);
  }

  /** Waits up to `ms` for the whole group to be gone; answers whether it is. */
  async groupGone(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (this.groupAlive() && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    return !this.groupAlive();
  }

  /** For cleanups: whatever is left of the group is killed. */
  async kill(): Promise<void> {
    this.signalGroup('SIGKILL');
    await this.groupGone(5_000);
  }
}
