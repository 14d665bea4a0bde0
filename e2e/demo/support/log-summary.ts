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

/** The requests the demo answered with a 5xx, from its access log ("msg":"request" lines): "500 GET /api/v2/scim/v2/Users". */
export function served5xx(output: string): string[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      const entry = JSON.parse(line) as { msg?: string; status?: number; method?: string; path?: string };
      return entry.msg === 'request' && (entry.status ?? 0) >= 500 ? [`${entry.status} ${entry.method} ${entry.path}`] : [];
    } catch {
      return [];
    }
  });
}
