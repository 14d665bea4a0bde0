import type { IncomingMessage } from 'node:http';

// The request target as the rest of the server routes on it: the path and
// query alone, with the host it names in Host. A server must accept the
// absolute form, `GET http://host/path HTTP/1.1` (RFC 9112 §3.2.2), and then
// the target's authority names the host, whatever Host says (RFC 9112 §3.2.2,
// §3.3). Left as sent, Next read such a target as a redirect to that other
// site, and a SCIM path in that form missed the SCIM handler.

export interface OriginForm {
  /** The path and query, e.g. /api/v2/scim/v2/Users?filter=… */
  path: string;
  /** The host the absolute form names; null when the target was origin-form (Host stands). */
  host: string | null;
}

const ABSOLUTE = /^https?:\/\/([^/?#]*)(.*)$/is;

/** The target in origin-form, or null for one the server cannot route (answered 400). */
export function originForm(target: string): OriginForm | null {
  // Origin-form, and OPTIONS' asterisk-form (RFC 9112 §3.2.4), are routed as they are.
  if (target.startsWith('/') || target === '*') return { path: target, host: null };
  const absolute = ABSOLUTE.exec(target);
  if (!absolute) return null;
  const [, authority, rest] = absolute;
  // RFC 9110 §4.2.1: an http URI with an empty host is invalid; §4.2.4: userinfo is an error.
  if (!authority || authority.includes('@')) return null;
  return { path: rest.startsWith('/') ? rest : `/${rest}`, host: authority };
}

/** Rewrites `req` to origin-form in place; false when its target is neither form. */
export function toOriginForm(req: IncomingMessage): boolean {
  const form = originForm(req.url ?? '/');
  if (!form) return false;
  req.url = form.path;
  if (form.host !== null) req.headers.host = form.host;
  return true;
}
