// A logged error line shortened for a failure message: a JSON line becomes its
// time, message and error ("scim: unexpected error: prepared statement … already
// exists"); the full lines are in the run's attached output.
export function summarize(line: string): string {
  try {
    const entry = JSON.parse(line) as { time?: string; msg?: string; err?: { message?: string; code?: string } };
    return [entry.time, entry.msg, entry.err?.message, entry.err?.code && `(${entry.err.code})`].filter(Boolean).join(' ');
  } catch {
    return line.slice(0, 300);
  }
}
