import { Child, type Exit } from './child';
import { newcomerEnv, type EmbeddedDb } from './newcomer-env';

// The repository's command-line tools, run beside the demo as a person would
// from a second terminal. Through tsx's own entry point rather than `npm run`:
// `npm run simulate:entra` runs `npm run build` first, a second build of the
// app the demo already built, which would only add minutes (and rewrite .next
// under the running demo).

const TSX = 'node_modules/tsx/dist/cli.mjs';

export interface ToolRun {
  child: Child;
  exited: Promise<Exit>;
}

/** Starts `script` (a path under tools/cli) with `args`; the tools reach the demo's database by its port. */
export function startTool(script: string, args: string[], db: EmbeddedDb): ToolRun {
  const child = new Child(process.execPath, [TSX, script, ...args], newcomerEnv(db));
  return { child, exited: child.exited };
}

/** Runs a short command to its end; answers its exit and output. */
export async function runTool(script: string, args: string[], db: EmbeddedDb, timeoutMs = 60_000): Promise<Exit & { output: string }> {
  const { child, exited } = startTool(script, args, db);
  const timer = setTimeout(() => void child.kill(), timeoutMs);
  try {
    return { ...(await exited), output: child.output() };
  } finally {
    clearTimeout(timer);
  }
}
