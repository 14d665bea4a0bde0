/** A moment as people read it in the console, always in UTC so that every admin sees the same time. */
export function formatUtc(date: Date, precision: 'minutes' | 'seconds' = 'minutes'): string {
  return `${new Date(date).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: precision === 'seconds' ? 'medium' : 'short', timeZone: 'UTC' })} UTC`;
}

/** A day, e.g. "29 Nov 2026" (UTC, so that the server's rendering does not depend on where it runs). */
export function formatDate(date: Date): string {
  return new Date(date).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}
