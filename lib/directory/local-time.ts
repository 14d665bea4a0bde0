/**
 * The time it is now for someone in `timeZone` (SCIM's timezone, an IANA name
 * such as "Europe/Berlin"), e.g. "Tue 14:05", or null for no zone or one the
 * runtime does not know (SCIM takes any string).
 */
export function localTime(timeZone: string | null | undefined, now: Date = new Date()): string | null {
  if (!timeZone) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now).replace(',', '');
  } catch {
    return null;
  }
}
