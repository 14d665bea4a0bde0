/** A moment as people read it in the console, always in UTC so that every admin sees the same time. */
export function formatUtc(date: Date, precision: 'minutes' | 'seconds' = 'minutes'): string {
  return `${new Date(date).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: precision === 'seconds' ? 'medium' : 'short', timeZone: 'UTC' })} UTC`;
}

/** A day, e.g. "29 Nov 2026" (UTC, so that the server's rendering does not depend on where it runs). */
export function formatDate(date: Date): string {
  return new Date(date).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** A moment relative to `now`, e.g. "3 minutes ago", "in 7 days", "just now" (under a minute). */
export function formatRelative(date: Date, now = new Date()): string {
  const ms = new Date(date).getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size) return relative.format(Math.trunc(ms / size), unit);
  }
  return 'just now';
}
