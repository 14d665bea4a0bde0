import { stripVTControlCharacters } from 'node:util';

// Which lines of a server's output are errors, for the tests that fail on an
// error nobody declared (e2e/support/test.ts, tests/faults/support/server-errors.ts)
// and for anyone else who reads a server's output for errors.
//
// What counts, and why:
// - A JSON object line (our pino logger; in the HTTP server, Next's and the
//   libraries' console output too, lib/ops/console.ts) counts when its level is
//   error or fatal: the label in any case, or pino's number, 50 and up. Its words
//   do not: an info access line with status 500, or a warn line saying "Error:",
//   is the product telling what happened. The error behind a 500 logs its own line.
// - Any other line is what a runtime or tool printed by itself, for people. It
//   counts when it starts (after colour codes) like an error:
//   - Next's mark "⨯" (its warnings are "⚠", its notes "✓" and "▲");
//   - an error as Node prints one: "Error: …", "TypeError: …", "Error [ERR_X]: …",
//     "[Error: …]", "UnhandledPromiseRejection: …" (a line that merely mentions
//     errors, as "Error rate: 0 errors", is not one);
//   - "Unhandled …" or "Uncaught …": the words of Node and of libraries for an
//     error nobody caught;
//   - nginx's error log at error, crit, alert or emerg (the cluster's load
//     balancer), not at warn or notice;
//   - the line before a stack trace, whatever it says ("Could not seed: connect
//     ECONNREFUSED", then "    at …"), or the first frame when nothing precedes
//     it: whoever prints a stack prints an error.
//   Node's warnings ("(node:12) DeprecationWarning: …"), banners, start-up notes
//   and the code frame Node prints above an uncaught error are not errors.
// One error is one line, the one that starts it: the plain lines after it until
// its trace ends (the rest of its message, its frames, properties and causes)
// are its own. So an expected error is declared by one pattern for that line.

const JSON_ERROR_LEVELS = new Set(['error', 'fatal']);
const NEXT_ERROR = /^\s*⨯ /;
const NODE_ERROR = /^(?:Uncaught )?\[?(?:[A-Z]\w*)?(?:Error|Exception|Rejection)(?: \[[A-Z0-9_]+\])?[:\]]/;
const NOBODY_CAUGHT = /^\W*(?:unhandled|uncaught)/i;
const STACK_FRAME = /^\s+at .*(?:\d+:\d+\)?|\((?:index \d+|<anonymous>|native)\))$/;
const NGINX_ERROR = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(?:error|crit|alert|emerg)\] /;

/** The level of a JSON log line, or undefined when the line is no JSON object. */
function jsonLevel(line: string): unknown {
  if (!line.startsWith('{')) return undefined;
  try {
    const entry: unknown = JSON.parse(line);
    return entry !== null && typeof entry === 'object' ? ((entry as { level?: unknown }).level ?? null) : undefined;
  } catch {
    return undefined;
  }
}

const isErrorLevel = (level: unknown) =>
  (typeof level === 'number' && level >= 50) || (typeof level === 'string' && JSON_ERROR_LEVELS.has(level.toLowerCase()));

/** The indexes in `lines` of the lines that start an error (see above). */
export function errorLineIndexes(output: readonly string[]): number[] {
  const lines = output.map((line) => stripVTControlCharacters(line));
  const found: number[] = [];
  let previous = -1; // the last plain line that is neither blank nor a stack frame, -1 after a JSON line
  let open = false; // an error's message or trace is being printed: plain lines until its trace ends are its own
  let inTrace = false;
  for (const [i, line] of lines.entries()) {
    if (STACK_FRAME.test(line)) {
      // A trace nobody announced as an error: the line before it is the error's first.
      if (!inTrace && !open) found.push(previous === -1 ? i : previous);
      inTrace = open = true;
      continue;
    }
    if (!line.trim()) continue;
    const level = jsonLevel(line);
    // After a trace, indented lines and closing brackets are the error's properties and causes.
    if (inTrace && level === undefined && !NEXT_ERROR.test(line) && /^(?:\s|[}\]])/.test(line)) continue;
    if (inTrace) inTrace = open = false;
    previous = level === undefined ? i : -1;
    if (level !== undefined) {
      // A JSON line is whole: whatever follows it is not part of its error.
      if (isErrorLevel(level)) found.push(i);
      open = false;
    } else if (NEXT_ERROR.test(line) || NODE_ERROR.test(line) || NOBODY_CAUGHT.test(line) || NGINX_ERROR.test(line)) {
      found.push(i);
      open = true;
    }
  }
  return found;
}

/** The lines of `output` (a server's stdout or stderr) that start an error, without colour codes. */
export function errorLines(output: string): string[] {
  const lines = stripVTControlCharacters(output).split(/\r?\n/);
  return errorLineIndexes(lines).map((i) => lines[i]);
}
