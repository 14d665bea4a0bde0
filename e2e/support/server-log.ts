import { stripVTControlCharacters } from 'node:util';

// Minimal stand-in: another branch brings the full version of this file (same
// export, same signature), which replaces this one on merge.
//
// The lines of a server's output that report an error: the logger's JSON lines
// at level error or fatal (by name, as lib/ops/log.ts writes them, or by
// pino's numbers), and the plain-text error lines Next.js and Node print on
// stderr when something escapes the logger (a crash before the logger is set
// up, an unhandled rejection).

const JSON_ERROR_LEVELS = new Set<unknown>(['error', 'fatal', 50, 60]);
/** ⨯ is Next's error mark; the rest is how Node prints an uncaught error or rejection. */
const PLAIN_ERROR = /^\s*(⨯|\w*Error:|Unhandled ?Rejection|uncaughtException)/;

export function errorLines(output: string): string[] {
  return stripVTControlCharacters(output)
    .split(/\r?\n/)
    .filter((line) => {
      const text = line.trim();
      if (text.startsWith('{')) {
        try {
          return JSON_ERROR_LEVELS.has((JSON.parse(text) as { level?: unknown }).level);
        } catch {
          // Not JSON after all: judged as plain text below.
        }
      }
      return PLAIN_ERROR.test(text);
    });
}
