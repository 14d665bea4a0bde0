// The "before → after" of a change, for the provisioning log. Values are cut
// short; the log is for finding what changed, not a second copy of the data.

const MAX = 120;

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

export function changeDetails(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, string> {
  const details: Record<string, string> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before?.[key];
    if (JSON.stringify(old ?? null) !== JSON.stringify(value ?? null)) details[key] = `${show(old)} → ${show(value)}`;
  }
  return details;
}
