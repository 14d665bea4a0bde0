import { ScimError } from '../errors';

// Turns a filter's JSON value into the one string parameter a comparison
// sends, or refuses it with the 400 that RFC 7644 §3.4.2.2 asks for.

export type CompValue = string | number | boolean | null;

export function invalidFilter(detail: string): ScimError {
  return new ScimError(400, detail, 'invalidFilter');
}

/** Client text echoed in an error detail, kept short. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

/** Numbers and booleans compare as their JSON text: Entra sends `externalId eq 12345` unquoted. */
export function toText(value: Exclude<CompValue, null>): string {
  return String(value);
}

/** Entra sends booleans as the strings "True"/"False" in places (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility). */
export function toBoolean(value: Exclude<CompValue, null>, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw invalidFilter(`${quote(attribute)} is a boolean; ${quote(value)} is not true or false.`);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * An RFC 3339 date-time as a canonical UTC ISO string, so PostgreSQL never
 * sees text it could reject (which would be a 500). A time without an offset
 * is read as UTC, whatever the server's time zone.
 */
export function toTimestamp(value: Exclude<CompValue, null>, attribute: string): string {
  const refuse = () => invalidFilter(`${quote(attribute)} is a date-time; ${quote(value)} is not one (e.g. 2024-05-01T12:00:00Z).`);
  const match = typeof value === 'string' ? DATE_TIME.exec(value.trim()) : null;
  if (!match) throw refuse();
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  const valid =
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60;
  const millis = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone.toUpperCase()}`);
  if (!valid || Number.isNaN(millis)) throw refuse();
  return new Date(millis).toISOString();
}

/** Only this exact form of a uuid equals its own text, so only it may use the uuid index. */
export const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
